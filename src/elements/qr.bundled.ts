/** `qr.ts` in the self-contained bundle, where the QR code module is already in the file. */
import * as qr from './qr-code.js';

export const loadQr = (): Promise<typeof qr> => Promise.resolve(qr);
