import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import { emailField, renderField } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { resetPasswordHosts, mfaHosts, StepHostsController } from './step-hosts.js';
import './cognito-reset-password.js';
import { addStrings } from '../i18n/index.js';
import { forgotPasswordStrings } from '../i18n/strings/forgot-password.js';

addStrings(forgotPasswordStrings);

/**
 * @summary A forgotten password: the email, then the code and a new password, then signed in.
 *
 * After Send code, the same element asks for the code and the new password (with the policy checklist) unless the
 * page has its own `<cognito-reset-password>`; the policy attributes (`min-length`, `require`) are passed on to it.
 * An email with no account gets exactly the same screens and words as one with an account: nobody learns from
 * this form who has an account.
 *
 * @event cognito-next-step - The code step: `detail: { step: 'CONFIRM_RESET_PASSWORD_WITH_CODE' }`.
 * @event cognito-password-reset - The new password was set. `detail: { username }`.
 * @event cognito-signed-in - Signed in with the new password. `detail: { user, reason: 'password-reset' }`.
 * @event cognito-auth-change - The auth status changed because of this element.
 * @event cognito-error - Sending the code, the reset or the sign-in failed. `detail: { name, message, action }`.
 *
 * @csspart form - The `<form>` (light DOM: select with `cognito-forgot-password [part~='form']`).
 * @csspart heading - "Forgot your password?".
 * @csspart intro - What happens next.
 * @csspart field - The label with the email input.
 * @csspart label - The email's label.
 * @csspart input - The email input.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart submit-button - "Send code".
 * @csspart sign-in-link - "Back to sign in" (with `sign-in-href`).
 * @csspart link - The link.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-forgot-password')
export class CognitoForgotPassword extends CognitoFormElement {
  /** Where "Back to sign in" leads; no link without it. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  /** The pool's minimum password length, passed on to the reset step. */
  @property({ attribute: 'min-length', type: Number }) minLength = 8;

  /** The pool's character rules, passed on to the reset step. */
  @property() require = 'lowercase uppercase numbers symbols';

  readonly #ids = { email: uniqueId('cognito-forgot-email'), error: uniqueId('cognito-forgot-error') };
  protected readonly stepHosts = new StepHostsController(this, [resetPasswordHosts, mfaHosts]);

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = this.checkedEmail();
    if (email === undefined) return;
    await this.submitting(async () => {
      resetPasswordHosts.preferWithin(this);
      // A pool (or user) with MFA: the sign-in that ends this journey continues here.
      mfaHosts.preferWithin(this);
      await this.auth.store.resetPassword(email, { origin: this });
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status } = this.auth.state;
    const configMessage = this.configMessage();
    if (configMessage) return html`<div role="alert" part="error config-error">${configMessage}</div>`;
    if (status === 'resetPassword') {
      if (resetPasswordHosts.pageHasOwn()) return nothing;
      return html`<cognito-reset-password
        embedded
        resend-cooldown=${this.resendCooldown}
        min-length=${this.minLength}
        require=${this.require}
      ></cognito-reset-password>`;
    }
    // The sign-in that ends this journey may need a second factor: it continues here (loaded when it appears).
    if (status === 'mfa') {
      return mfaHosts.pageHasOwn()
        ? nothing
        : this.renderStep('cognito-mfa', html`<cognito-mfa embedded></cognito-mfa>`);
    }
    if (status !== 'signedOut') return nothing;
    const ids = this.#ids;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('forgotPassword.heading')}</h2>
        <p part="intro">${this.t('forgotPassword.intro')}</p>
        ${renderField(
          emailField({
            id: ids.email,
            label: this.t('login.email'),
            value: this.email,
            invalid: this.invalidField === 'email',
            describedBy: ids.error,
            onInput: this.onEmailInput,
          }),
        )}
        ${this.renderError(ids.error)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('forgotPassword.busy') : this.t('forgotPassword.submit')}
        </button>
        ${this.signInHref ? html`<a part="sign-in-link link" href=${this.signInHref}>${this.t('forgotPassword.signIn')}</a>` : nothing}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-forgot-password': CognitoForgotPassword;
  }
}
