/**
 * The QR code module, loaded when a setup step shows a code (a page that only signs in never downloads it). The
 * self-contained bundle swaps this module for `qr.bundled.ts` (vite.config.ts), where it is already in the file.
 */
export const loadQr = (): Promise<typeof import('./qr-code.js')> => import('./qr-code.js');
