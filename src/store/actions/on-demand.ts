/**
 * Store actions few pages use, loaded the first time one is called (a page that only signs in does not carry
 * them): a signed-in user's MFA settings. The self-contained bundle swaps this module for `on-demand.bundled.ts`
 * (vite.config.ts), where they are already in the file.
 */
export const loadMfaSettings = (): Promise<typeof import('./mfa-settings.js')> => import('./mfa-settings.js');
