/** `on-demand.ts` in the self-contained bundle, where the actions are already in the file. */
import * as mfaSettings from './mfa-settings.js';

export const loadMfaSettings = (): Promise<typeof mfaSettings> => Promise.resolve(mfaSettings);
