import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addStrings } from '../i18n/index.js';
import { codeStrings } from '../i18n/strings/code.js';
import { mfaStrings } from '../i18n/strings/mfa.js';
import { adoptLightDomStyles, uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import { focusFor } from '../internal/focus.js';
import type { AuthStatus, MfaChoiceStep, MfaFactor, MfaStep, TotpSetupStep } from '../store/index.js';
import { EMAIL, renderField, renderHiddenUsername } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { mfaStyles } from './cognito-mfa.styles.js';
import { mfaHosts, StepHostsController } from './step-hosts.js';
import { copyKey, renderTotpKey, requestQr, type QrState } from './totp-setup.js';
import { totpSetupStyles } from './totp-setup.styles.js';

addStrings(codeStrings);
addStrings(mfaStrings);

/**
 * @summary The second step of a sign-in: a code from an authenticator app, a text message or an email; the choice
 * of a factor; or, where the pool requires MFA, setting one up (an authenticator app by QR code, or email codes).
 *
 * Shows itself only while the store waits for a second factor (state `mfa`: after a password in `<cognito-login>`,
 * which embeds this element, or `getAuthStore().signIn()`), and only one form per step: a page's own element before
 * one that another element embeds. The QR code is drawn as SVG by a small library loaded only when the setup shows.
 *
 * @event cognito-signed-in - The second factor was accepted. `detail: { user, reason }`.
 * @event cognito-next-step - The next MFA step (after a choice, an app set up, an address given). `detail: { step }`.
 * @event cognito-auth-change - The status changed because of this element.
 * @event cognito-error - A code was refused or the challenge expired. `detail: { name, message, action }`.
 *
 * @csspart form - The `<form>` (light DOM: select with `cognito-mfa [part~='form']`).
 * @csspart heading - The step's heading.
 * @csspart intro - What to do, and where a code went (masked as Cognito masked it).
 * @csspart field - A label with its input.
 * @csspart label - An input's label.
 * @csspart input - The code input (`autocomplete="one-time-code"`), or the email for codes.
 * @csspart factors - The choice of factors (a `<fieldset>` of radio buttons).
 * @csspart factor - One factor's label with its radio button.
 * @csspart qr-code - The QR code (`<svg role="img">`).
 * @csspart qr-background - Its light background (the quiet zone).
 * @csspart qr-modules - Its dark modules.
 * @csspart secret - The setup key, in groups of four.
 * @csspart copy - "Copy key".
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart notice - The `role="status"` line ("The setup key was copied").
 * @csspart submit-button - Verify, Continue or Send code.
 * @csspart back - "Back": leaves the sign-in.
 * @csspart secondary-button - Copy and Back.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-mfa')
export class CognitoMfa extends CognitoFormElement {
  /** Set by the element that embeds this one; a page's own element takes precedence over it. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** The issuer an authenticator app lists the account under (in the QR code). Default: the page's host name. */
  @property({ attribute: 'totp-issuer' }) totpIssuer = '';

  /** The QR code module, once loaded; `failed` when it could not be (the setup key still works). */
  @state() private qr: QrState = null;

  protected readonly stepHosts = new StepHostsController(this, [], {
    hosts: mfaHosts,
    embedded: () => this.embedded,
  });

  readonly #ids = {
    username: uniqueId('cognito-mfa-username'),
    code: uniqueId('cognito-mfa-code'),
    email: uniqueId('cognito-mfa-email'),
    secret: uniqueId('cognito-mfa-secret'),
    error: uniqueId('cognito-mfa-error'),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, mfaStyles);
    adoptLightDomStyles(this, totpSetupStyles);
  }

  /** Whether an MFA step was shown at the last update. */
  #shown = false;

  get #step(): MfaStep | null {
    const { state } = this.auth;
    return state.status === 'mfa' && mfaHosts.owner() === this ? state.pending : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { state } = this.auth;
    // Each step starts clean (a choice leads to a setup, a setup to a code), and takes the focus the one before
    // had: the status stays `mfa`, so no change of status moves it (internal/focus.ts).
    const wasStep = this.#shown;
    this.#shown = state.status === 'mfa';
    if (
      this.followStep(this.#shown ? `${state.pending?.step} ${state.pending?.email}` : null) &&
      wasStep &&
      this.#shown
    )
      void focusFor('mfa');
    if (this.#step?.step === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' && this.qr === null) this.#loadQr();
  }

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    if (status !== 'mfa') return null;
    return this.field('code') ?? this.field('factor') ?? this.field('mfa-email');
  }

  #loadQr(): void {
    this.qr = null;
    requestQr((qr) => (this.qr = qr));
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const step = this.#step;
    if (this.busy || !step) return;
    const answer = this.#answer(step);
    if (answer === undefined) return;
    this.notice = null;
    const failure = await this.submitting(async () => {
      await this.auth.store.confirmMfa(answer, { origin: this });
    });
    this.markCodeWrong(failure);
  }

  /** What the user gave for this step, or undefined (with the reason shown) when it is missing. */
  #answer(step: MfaStep): string | undefined {
    switch (step.step) {
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION': {
        const chosen = this.querySelector<HTMLInputElement>('input[name="factor"]:checked')?.value;
        if (!chosen) this.refuse('mfa.chooseRequired', 'factor');
        return chosen;
      }
      case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP': {
        this.email = this.field('mfa-email')?.value.trim() ?? '';
        if (!this.email) this.refuse('error.emailRequired', 'mfa-email');
        else if (!EMAIL.test(this.email)) this.refuse('error.emailInvalid', 'mfa-email');
        else return this.email;
        return undefined;
      }
      default: {
        // Codes are often typed or pasted in groups ("123 456").
        const code = (this.field('code')?.value ?? '').replace(/\s/g, '');
        if (!code) this.refuse('error.codeRequired', 'code');
        return code || undefined;
      }
    }
  }

  #onBack(): void {
    this.auth.store.cancelStep({ origin: this });
  }

  async #onCopy(secret: string): Promise<void> {
    this.notice = await copyKey(secret);
  }

  protected override render(): TemplateResult | typeof nothing {
    const step = this.#step;
    if (!step) return nothing;
    const ids = this.#ids;
    const [heading, intro, body, submit] = this.#content(step);
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t(heading)}</h2>
        <p part="intro">${intro}</p>
        ${renderHiddenUsername(ids.username, step.email)} ${body} ${this.renderError(ids.error)}
        <p part="notice" role="status">${this.notice ? this.t(this.notice.key, this.notice.params) : ''}</p>
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t(submit === 'mfa.emailSetupSubmit' ? 'mfa.sending' : 'mfa.busy') : this.t(submit)}
        </button>
        <button part="back secondary-button" type="button" ?disabled=${this.busy} @click=${this.#onBack}>
          ${this.t('code.back')}
        </button>
      </form>
    `;
  }

  /** The heading key, the intro, the step's fields and the submit key. */
  #content(
    step: MfaStep,
  ): [
    'mfa.heading' | 'mfa.chooseHeading' | 'mfa.setupChooseHeading' | 'mfa.totpSetupHeading' | 'mfa.emailSetupHeading',
    string,
    TemplateResult,
    'mfa.submit' | 'mfa.continue' | 'mfa.emailSetupSubmit',
  ] {
    const ids = this.#ids;
    switch (step.step) {
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
        return ['mfa.chooseHeading', '', this.#renderFactors(step), 'mfa.continue'];
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        return ['mfa.setupChooseHeading', this.t('mfa.setupChooseIntro'), this.#renderFactors(step), 'mfa.continue'];
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        return ['mfa.totpSetupHeading', this.t('mfa.totpSetupIntro'), this.#renderTotpSetup(step), 'mfa.submit'];
      case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
        return [
          'mfa.emailSetupHeading',
          this.t('mfa.emailSetupIntro'),
          renderField({
            field: 'mfa-email',
            id: ids.email,
            label: this.t('mfa.emailLabel'),
            name: 'email',
            type: 'email',
            inputmode: 'email',
            autocomplete: 'email',
            verbatim: true,
            value: this.email || step.email,
            invalid: this.invalidField === 'mfa-email',
            describedBy: ids.error,
            onInput: this.onEmailInput,
          }),
          'mfa.emailSetupSubmit',
        ];
      default: {
        const intro =
          step.factor === 'TOTP'
            ? this.t('mfa.totpIntro', { email: step.email })
            : step.delivery
              ? this.t(step.factor === 'SMS' ? 'mfa.smsIntro' : 'mfa.emailIntro', {
                  destination: step.delivery.destination,
                })
              : this.t('mfa.sentIntro');
        return ['mfa.heading', intro, this.renderCodeField(ids.code, ids.error), 'mfa.submit'];
      }
    }
  }

  #renderFactors(step: MfaChoiceStep): TemplateResult {
    const heading =
      step.step === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' ? 'mfa.chooseHeading' : 'mfa.setupChooseHeading';
    return html`<fieldset part="factors" aria-invalid=${this.invalidField === 'factor' ? 'true' : 'false'}>
      <legend class="cognito-visually-hidden">${this.t(heading)}</legend>
      ${step.factors.map(
        (factor: MfaFactor, index) =>
          html`<label part="factor"
            ><input
              type="radio"
              name="factor"
              value=${factor}
              data-field=${index === 0 ? 'factor' : nothing}
              aria-describedby=${this.#ids.error}
              @change=${() => (this.invalidField = null)}
            />${this.t(`mfa.factor.${factor}`)}</label
          >`,
      )}
    </fieldset>`;
  }

  #renderTotpSetup(step: TotpSetupStep): TemplateResult {
    const key = renderTotpKey({
      qr: this.qr,
      issuer: this.totpIssuer || location.hostname,
      account: step.email,
      secret: step.secret,
      labelId: this.#ids.secret,
      t: (key, params) => this.t(key, params),
      onCopy: () => void this.#onCopy(step.secret),
    });
    return html`${key} ${this.renderCodeField(this.#ids.code, this.#ids.error)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-mfa': CognitoMfa;
  }
}
