import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addStrings } from '../i18n/index.js';
import { codeStrings } from '../i18n/strings/code.js';
import { mfaSettingsStrings } from '../i18n/strings/mfa-settings.js';
import { mfaStrings } from '../i18n/strings/mfa.js';
import { adoptLightDomStyles, afterPaint, failureMessage, fallBack, uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { MfaFactor, MfaFactorChange, MfaSettings } from '../store/index.js';
import { renderHiddenUsername } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { mfaSettingsStyles } from './cognito-mfa-settings.styles.js';
import { copyKey, renderTotpKey, requestQr, type QrState } from './totp-setup.js';
import { totpSetupStyles } from './totp-setup.styles.js';

addStrings(codeStrings);
addStrings(mfaStrings);
addStrings(mfaSettingsStrings);

const KNOWN: Record<string, MfaFactor> = { totp: 'TOTP', email: 'EMAIL', sms: 'SMS' };
const DEFAULT_FACTORS: readonly MfaFactor[] = ['TOTP', 'EMAIL'];

/**
 * @summary A signed-in user's two-step verification: which factors are on and which is preferred; setting up an
 * authenticator app (QR code, key, first code), turning email codes or text messages on, turning a factor off,
 * preferring another.
 *
 * Shows nothing while signed out or while the settings load (a failed load says why, with Try again). Put it
 * where signed-in content goes: `<cognito-session>`'s `signed-in` slot, `<cognito-authenticator>`'s children, or a
 * page of its own. An authenticator app is set up exactly as `<cognito-mfa>` sets one up at sign-in (the same QR
 * code of the `otpauth://` URI, the key in groups of four, Copy), verified with its first code, then made the
 * preferred factor; Cancel leaves it off. Every change paints its busy state first, is confirmed in a status line
 * and told once as `cognito-mfa-change`; a failure is said in ja/en and changes nothing shown.
 *
 * @event cognito-mfa-change - A factor was set up, turned on or off, or preferred. `detail: { enabled, preferred }`.
 * @event cognito-error - Reading or changing the settings failed. `detail: { name, message, action }`.
 *
 * @csspart base - The box around everything.
 * @csspart heading - "Two-step verification".
 * @csspart intro - What it is for; in the setup, what to do.
 * @csspart factors - The list of factors (`<ul>`).
 * @csspart factor - One factor's row: its name, its state and its buttons.
 * @csspart factor-name - The factor's name.
 * @csspart factor-state - Off, On, or On, preferred (`data-on` while on).
 * @csspart action - A factor's button: Set up, Turn on, Turn off, Make preferred.
 * @csspart form - The authenticator app's setup (a `<form>` in the light DOM).
 * @csspart setup-heading - The setup's heading.
 * @csspart qr-code - The QR code (`<svg role="img">`).
 * @csspart qr-background - Its light background (the quiet zone).
 * @csspart qr-modules - Its dark modules.
 * @csspart secret - The setup key, in groups of four.
 * @csspart copy - "Copy key".
 * @csspart field - A label with its input.
 * @csspart label - An input's label.
 * @csspart input - The code input (`autocomplete="one-time-code"`).
 * @csspart submit-button - "Verify and turn on".
 * @csspart cancel - "Cancel": leaves the setup, the app stays off.
 * @csspart secondary-button - The factors' buttons, Copy, Cancel and Try again.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart retry - "Try again" after the settings could not be loaded.
 * @csspart notice - The `role="status"` line that confirms a change.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-mfa-settings')
export class CognitoMfaSettings extends CognitoFormElement {
  /** The settings as Cognito keeps them; null until read (nothing is shown meanwhile). */
  @state() private settings: MfaSettings | null = null;
  /** The last read failed: its message shows with Try again. */
  @state() private loadFailed = false;
  /** The secret of the authenticator app being set up (the setup form shows while there is one). */
  @state() private secret: string | null = null;
  @state() private qr: QrState = null;
  /** What the busy state is for: the button that says "Saving…". */
  @state() private pending: string | null = null;

  /** The factors offered, in this order: `totp`, `email`, `sms` (space-separated). */
  @property() factors = 'totp email';

  /** The issuer an authenticator app lists the account under (in the QR code). Default: the page's host name. */
  @property({ attribute: 'totp-issuer' }) totpIssuer = '';

  readonly #ids = {
    heading: uniqueId('cognito-mfa-settings-heading'),
    setup: uniqueId('cognito-mfa-settings-setup'),
    username: uniqueId('cognito-mfa-settings-username'),
    code: uniqueId('cognito-mfa-settings-code'),
    secret: uniqueId('cognito-mfa-settings-secret'),
    error: uniqueId('cognito-mfa-settings-error'),
  };

  /** The user whose settings are shown (null when signed out): another user starts from scratch. */
  #shownFor: string | null = null;
  /** Counts reads: only the latest one's answer is shown. */
  #reads = 0;
  #qrRequested = false;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, mfaSettingsStyles);
    adoptLightDomStyles(this, totpSetupStyles);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { state } = this.auth;
    const user = state.status === 'signedIn' ? state.user.userId : null;
    if (user !== this.#shownFor) {
      this.#shownFor = user;
      this.settings = null;
      this.loadFailed = false;
      this.secret = null;
      this.error = null;
      this.notice = null;
      this.invalidField = null;
      if (user) void this.#read();
    }
    if (this.secret && this.qr === null && !this.#qrRequested) {
      this.#qrRequested = true;
      requestQr((qr) => (this.qr = qr));
    }
  }

  /** This element lives while signed in: what it shows goes when the user changes (willUpdate), not on each update. */
  protected override forgetTyped(): void {}

  /** The factors of the `factors` attribute that exist, in its order (unknown ones: a console warning). */
  get #offered(): readonly MfaFactor[] {
    const offered: MfaFactor[] = [];
    for (const word of this.factors.toLowerCase().split(/\s+/).filter(Boolean)) {
      const factor = KNOWN[word] ?? fallBack(this, 'factors', word, 'totp, email or sms', undefined, 'the others');
      if (factor && !offered.includes(factor)) offered.push(factor);
    }
    return offered.length ? offered : DEFAULT_FACTORS;
  }

  async #read(): Promise<void> {
    const user = this.#shownFor;
    const read = ++this.#reads;
    try {
      const settings = await this.auth.store.getMfaSettings({ origin: this });
      if (read !== this.#reads || user !== this.#shownFor) return;
      this.settings = settings;
      this.loadFailed = false;
      this.error = null;
    } catch (error) {
      if (read !== this.#reads || user !== this.#shownFor) return;
      this.loadFailed = true;
      this.error = failureMessage(error);
    }
  }

  async #onRetry(): Promise<void> {
    if (this.busy) return;
    // The message and Try again stay on screen (busy) until a read works; a failed one shows its own reason.
    this.busy = true;
    this.pending = 'retry';
    await this.updateComplete;
    await afterPaint();
    await this.#read();
    this.busy = false;
    this.pending = null;
    if (this.settings) this.#focus('[part~="heading"]');
  }

  /** Runs a change once its busy state is painted; shows the settings after it and confirms it. */
  async #run(pending: string, change: () => Promise<MfaSettings>, done: () => void): Promise<boolean> {
    if (this.busy) return false;
    const user = this.#shownFor;
    this.pending = pending;
    this.notice = null;
    const failure = await this.submitting(async () => {
      const settings = await change();
      if (user !== this.#shownFor) return;
      this.settings = settings;
      done();
    });
    this.pending = null;
    this.markCodeWrong(failure);
    return !failure;
  }

  #onChange(factor: MfaFactor, change: MfaFactorChange): void {
    const name = this.t(`mfa.factor.${factor}`);
    void this.#run(
      `${factor} ${change}`,
      () => this.auth.store.setMfaFactor(factor, change, { origin: this }),
      () => (this.notice = { key: `mfaSettings.${change}`, params: { factor: name } }),
    ).then((changed) => changed && this.#focus(`[data-factor="${factor}"] [part~="action"]`));
  }

  async #onSetUp(): Promise<void> {
    if (this.busy) return;
    const user = this.#shownFor;
    this.pending = 'TOTP setup';
    this.notice = null;
    await this.submitting(async () => {
      const { secret } = await this.auth.store.startTotpSetup({ origin: this });
      if (user === this.#shownFor) this.secret = secret;
    });
    this.pending = null;
    if (this.secret) this.#focus('[data-field="code"]');
  }

  async #onVerify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.secret) return;
    // Codes are often typed or pasted in groups ("123 456").
    const code = (this.field('code')?.value ?? '').replace(/\s/g, '');
    if (!code) return this.refuse('error.codeRequired', 'code');
    const verified = await this.#run(
      'TOTP verify',
      () => this.auth.store.verifyTotpSetup(code, { origin: this }),
      () => {
        this.secret = null;
        this.notice = { key: 'mfaSettings.totpDone' };
      },
    );
    if (verified) this.#focus('[data-factor="TOTP"] [part~="action"]');
  }

  #onCancel(): void {
    if (this.busy) return;
    this.secret = null;
    this.error = null;
    this.invalidField = null;
    this.#focus('[data-factor="TOTP"] [part~="action"]');
  }

  async #onCopy(secret: string): Promise<void> {
    this.notice = await copyKey(secret);
  }

  /** Focus to what replaced the control just used (it may be gone), once rendered. */
  #focus(selector: string): void {
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus());
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state } = this.auth;
    if (state.status !== 'signedIn' || (!this.settings && !this.loadFailed)) return nothing;
    const ids = this.#ids;
    const message = this.error ? this.t(this.error.key, this.error.params) : '';
    return html`
      <section part="base" aria-labelledby=${ids.heading} aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 part="heading" id=${ids.heading} tabindex="-1">${this.t('mfaSettings.heading')}</h2>
        ${
          this.settings
            ? html`<p part="intro">${this.t('mfaSettings.intro')}</p>
                <ul part="factors">
                  ${this.#offered.map((factor) => this.#renderFactor(factor, this.settings!))}
                </ul>
                ${this.secret ? this.#renderSetup(this.secret, state.user.email ?? state.user.username) : nothing}`
            : nothing
        }
        ${this.renderError(ids.error, this.loadFailed && !this.settings ? this.t('mfaSettings.loadFailed', { reason: message }) : message)}
        ${
          this.loadFailed && !this.settings
            ? html`<button part="retry secondary-button" type="button" ?disabled=${this.busy} @click=${this.#onRetry}>
                ${this.pending === 'retry' ? this.t('mfaSettings.loading') : this.t('mfaSettings.retry')}
              </button>`
            : nothing
        }
        <p part="notice" role="status">${this.notice ? this.t(this.notice.key, this.notice.params) : ''}</p>
      </section>
    `;
  }

  #renderFactor(factor: MfaFactor, settings: MfaSettings): TemplateResult {
    const on = settings.enabled.includes(factor);
    const preferred = on && settings.preferred === factor;
    const nameId = `${this.#ids.heading}-${factor}`;
    const button = (
      key: 'mfaSettings.setUp' | 'mfaSettings.turnOn' | 'mfaSettings.turnOff' | 'mfaSettings.prefer',
      pending: string,
      onClick: () => void,
    ) =>
      html`<button
        part="action secondary-button"
        type="button"
        aria-describedby=${nameId}
        ?disabled=${this.busy || (factor === 'TOTP' && this.secret !== null)}
        @click=${onClick}
      >
        ${this.pending === pending ? this.t('mfaSettings.saving') : this.t(key)}
      </button>`;
    return html`<li part="factor" data-factor=${factor}>
      <span part="factor-name" id=${nameId}>${this.t(`mfa.factor.${factor}`)}</span>
      <span part="factor-state" ?data-on=${on}>
        ${this.t(preferred ? 'mfaSettings.onPreferred' : on ? 'mfaSettings.on' : 'mfaSettings.off')}
      </span>
      ${
        on && !preferred
          ? button('mfaSettings.prefer', `${factor} preferred`, () => this.#onChange(factor, 'preferred'))
          : nothing
      }
      ${
        on
          ? button('mfaSettings.turnOff', `${factor} disabled`, () => this.#onChange(factor, 'disabled'))
          : factor === 'TOTP'
            ? button('mfaSettings.setUp', 'TOTP setup', () => void this.#onSetUp())
            : button('mfaSettings.turnOn', `${factor} enabled`, () => this.#onChange(factor, 'enabled'))
      }
    </li>`;
  }

  #renderSetup(secret: string, account: string): TemplateResult {
    const ids = this.#ids;
    return html`<form part="form" novalidate aria-labelledby=${ids.setup} @submit=${this.#onVerify}>
      <h3 part="setup-heading" id=${ids.setup}>${this.t('mfa.totpSetupHeading')}</h3>
      <p part="intro">${this.t('mfa.totpSetupIntro')}</p>
      ${renderHiddenUsername(ids.username, account)}
      ${renderTotpKey({
        qr: this.qr,
        issuer: this.totpIssuer || location.hostname,
        account,
        secret,
        labelId: ids.secret,
        t: (key, params) => this.t(key, params),
        onCopy: () => void this.#onCopy(secret),
      })}
      ${this.renderCodeField(ids.code, ids.error)}
      <button part="submit-button" type="submit" ?disabled=${this.busy}>
        ${this.pending === 'TOTP verify' ? this.t('mfa.busy') : this.t('mfaSettings.verify')}
      </button>
      <button part="cancel secondary-button" type="button" ?disabled=${this.busy} @click=${this.#onCancel}>
        ${this.t('mfaSettings.cancel')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-mfa-settings': CognitoMfaSettings;
  }
}
