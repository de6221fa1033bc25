/**
 * An authenticator app's setup as every element shows it — `<cognito-mfa>` at sign-in and `<cognito-mfa-settings>`
 * for a signed-in user: the QR code of the `otpauth://` URI (drawn by the QR module, loaded on demand: qr.ts), the
 * setup key in groups of four, and Copy. One module, so that both render the same markup and parts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/index.js';
import type { Message } from '../internal/cognito-element.js';
import { loadQr } from './qr.js';

/** What the QR code module gives, once loaded; `failed` when it could not be (the setup key still works). */
export type QrState = Awaited<ReturnType<typeof loadQr>> | 'failed' | null;

/** Loads the QR code module and hands it (or `failed`) to `done`. */
export function requestQr(done: (qr: Exclude<QrState, null>) => void): void {
  void loadQr().then(done, () => done('failed'));
}

export interface TotpKeyView {
  readonly qr: QrState;
  /** The name the app lists the account under: the `totp-issuer` attribute, else the page's host name. */
  readonly issuer: string;
  /** The account (the user's email). */
  readonly account: string;
  /** The shared secret (base32). */
  readonly secret: string;
  /** The id of the key's label. */
  readonly labelId: string;
  readonly t: (key: MessageKey, params?: Record<string, string | number>) => string;
  readonly onCopy: () => void;
}

/** The QR code (or why it is missing), then the key in groups of four with Copy. */
export function renderTotpKey(v: TotpKeyView): TemplateResult {
  const uri =
    `otpauth://totp/${encodeURIComponent(v.issuer)}:${encodeURIComponent(v.account)}` +
    `?secret=${v.secret}&issuer=${encodeURIComponent(v.issuer)}`;
  const qr =
    v.qr === 'failed'
      ? html`<p part="qr-unavailable">${v.t('mfa.qrUnavailable')}</p>`
      : v.qr
        ? v.qr.qrCode(uri, v.t('mfa.qrLabel', { account: v.account }))
        : nothing;
  const grouped = v.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return html`${qr}
    <div part="field">
      <span part="label" id=${v.labelId}>${v.t('mfa.secretLabel')}</span>
      <code part="secret" aria-labelledby=${v.labelId}>${grouped}</code>
      <button part="copy secondary-button" type="button" @click=${v.onCopy}>${v.t('mfa.copy')}</button>
    </div>`;
}

/** Copies the key to the clipboard: the notice that says whether it worked. */
export async function copyKey(secret: string): Promise<Message> {
  try {
    await navigator.clipboard.writeText(secret);
    return { key: 'mfa.copied' };
  } catch {
    return { key: 'mfa.copyFailed' };
  }
}
