import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fallBack, uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthFlow } from '../store/index.js';
import { emailField, renderField } from './field.js';
import { CognitoFormElement } from './form-element.js';
import {
  confirmSignUpHosts,
  mfaHosts,
  newPasswordHosts,
  resetPasswordHosts,
  StepHostsController,
} from './step-hosts.js';

/**
 * @summary Email and password sign-in to Amazon Cognito: SRP in the browser, no server of your own.
 *
 * The form lives in the light DOM, so password managers see and fill it; style it with ordinary selectors on
 * its `part` attributes (`cognito-login [part~='submit-button']`) or with the custom properties below.
 * When Cognito asks for a new password (first sign-in), a code for an unconfirmed account, or a password reset,
 * it shows that step itself unless the page has its own element for it. When signed in it shows nothing; the
 * host's `state` attribute (the auth status: `loading`, `signedOut`, `signedIn`, or the step that waits) lets a
 * page hide or style it.
 * A failure keeps what was typed; only a wrong password empties the password field. A configuration problem is
 * shown here, or by the enclosing `<cognito-session>` when there is one.
 *
 * @event cognito-signed-in - A sign-in completed here. `detail: { user, reason: 'sign-in' }`.
 * @event cognito-auth-change - The auth status changed because of this element. `detail: { status, user }`.
 * @event cognito-next-step - Cognito needs another step (`CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED`, `CONFIRM_SIGN_UP`, `RESET_PASSWORD`, …). `detail: { step }`.
 * @event cognito-error - A sign-in failed. `detail: { name, message, action: 'signIn' }`.
 *
 * @csspart form - The `<form>` (light DOM, like every part here: select with `cognito-login [part~='form']`).
 * @csspart field - A label with its input.
 * @csspart label - A field's label.
 * @csspart input - The email and password inputs.
 * @csspart password-row - The password input with the Show/Hide password button.
 * @csspart toggle-password - The Show/Hide password button.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart config-error - What is wrong with the configuration (only while something is).
 * @csspart submit-button - The sign-in button.
 * @csspart loading - "Checking your session…", while the stored session is read.
 * @csspart remember - The "Remember me" label (with `remember-me`).
 * @csspart remember-me - Its checkbox.
 * @csspart forgot-password-link - "Forgot your password?" (with `forgot-password-href`).
 * @csspart sign-up-link - "Create an account" (with `sign-up-href`).
 * @csspart link - Both links.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-on-primary - Text on the submit button.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-color-surface - Input background.
 * @cssproperty --cognito-color-border - Input and button borders.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-error-surface - Error background.
 * @cssproperty --cognito-radius - Corner radius.
 * @cssproperty --cognito-gap - Space between fields.
 * @cssproperty --cognito-font - Font shorthand (default: inherited).
 * @cssproperty --cognito-max-width - Maximum width (default 24rem).
 * @cssproperty --cognito-focus-ring - Focus outline color.
 */
@customElement('cognito-login')
export class CognitoLogin extends CognitoFormElement {
  @state() private revealed = false;

  /** `srp` (default: the password never leaves the browser) or `password` (USER_PASSWORD_AUTH, one request). */
  @property({ attribute: 'auth-flow' }) authFlow: AuthFlow = 'srp';

  /** Where "Forgot your password?" leads (a page with `<cognito-forgot-password>`); no link without it. */
  @property({ attribute: 'forgot-password-href' }) forgotPasswordHref = '';

  /**
   * Shows a "Remember me" checkbox: unchecked, this sign-in's tokens live in sessionStorage (gone when the tab
   * closes: a shared computer); checked, in localStorage (kept, shared by tabs). Without it, `token-storage` decides.
   */
  @property({ attribute: 'remember-me', type: Boolean }) rememberMe = false;

  /** The pool's minimum password length, for the new-password and reset steps this login shows (default 8). */
  @property({ attribute: 'min-length', type: Number }) minLength = 8;

  /** The pool's character rules, for those steps: see `<cognito-new-password>`. */
  @property() require = 'lowercase uppercase numbers symbols';

  /** The issuer an authenticator app lists the account under when MFA is set up here. Default: the page's host. */
  @property({ attribute: 'totp-issuer' }) totpIssuer = '';

  /** Where "Create an account" leads (a page with `<cognito-sign-up>`); no link without it. */
  @property({ attribute: 'sign-up-href' }) signUpHref = '';

  readonly #ids = {
    email: uniqueId('cognito-login-email'),
    password: uniqueId('cognito-login-password'),
    error: uniqueId('cognito-login-error'),
  };
  protected readonly stepHosts = new StepHostsController(this, [
    newPasswordHosts,
    confirmSignUpHosts,
    resetPasswordHosts,
    mfaHosts,
  ]);

  protected override forgetTyped(): void {
    super.forgetTyped();
    this.revealed = false;
  }

  #onTogglePassword(): void {
    this.revealed = !this.revealed;
  }

  get #authFlow(): AuthFlow {
    return this.authFlow === 'srp' || this.authFlow === 'password'
      ? this.authFlow
      : fallBack(this, 'auth-flow', this.authFlow, 'srp or password', 'srp' as const);
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = this.checkedEmail();
    if (email === undefined) return;
    const password = this.field('password')?.value ?? '';
    if (!password) return this.refuse('error.passwordRequired', 'password');

    const failure = await this.submitting(async () => {
      // An unconfirmed account or a required reset continues inside this login.
      confirmSignUpHosts.preferWithin(this);
      resetPasswordHosts.preferWithin(this);
      mfaHosts.preferWithin(this);
      const remember = this.rememberMe
        ? this.querySelector<HTMLInputElement>('[part~="remember-me"]')?.checked === true
        : undefined;
      const result = await this.auth.store.signIn(email, password, {
        origin: this,
        authFlow: this.#authFlow,
        remember,
      });
      // A step no element shows (a custom challenge): named, so that the user is not left without an answer.
      if (result.status === 'signedOut') this.error = { key: 'error.generic', params: { name: result.step } };
    });
    // Only a wrong password is emptied; after a network failure, a timeout or throttling the same password is
    // still right, and Enter tries again.
    if (failure) this.#afterFailure(failure.code === 'incorrectCredentials');
  }

  /** After a failed attempt: the email stays; the password is focused for the next try, emptied if it was wrong. */
  #afterFailure(wrongPassword: boolean): void {
    if (wrongPassword) this.invalidField = 'password';
    void this.updateComplete.then(() => {
      const input = this.field('password');
      if (!input) return;
      if (wrongPassword) input.value = '';
      input.focus();
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status, notice } = this.auth.state;
    const configMessage = this.configMessage();
    if (configMessage) {
      // One message, not two: an enclosing <cognito-session> shows it (whatever its state).
      return this.closest('cognito-session')
        ? nothing
        : html`<div role="alert" part="error config-error">${configMessage}</div>`;
    }
    switch (status) {
      case 'loading':
        return html`<p role="status" part="loading">${this.t('login.loading')}</p>`;
      case 'signedIn':
        return nothing;
      // The steps that follow a sign-in continue here, unless the page has its own element for them.
      case 'newPasswordRequired':
        return newPasswordHosts.pageHasOwn()
          ? nothing
          : this.renderStep(
              'cognito-new-password',
              html`<cognito-new-password
                embedded
                min-length=${this.minLength}
                require=${this.require}
              ></cognito-new-password>`,
            );
      case 'confirmSignUp':
        return confirmSignUpHosts.pageHasOwn()
          ? nothing
          : this.renderStep(
              'cognito-confirm-sign-up',
              html`<cognito-confirm-sign-up embedded resend-cooldown=${this.resendCooldown}></cognito-confirm-sign-up>`,
            );
      case 'resetPassword':
        return resetPasswordHosts.pageHasOwn()
          ? nothing
          : this.renderStep(
              'cognito-reset-password',
              html`<cognito-reset-password
                embedded
                resend-cooldown=${this.resendCooldown}
                min-length=${this.minLength}
                require=${this.require}
              ></cognito-reset-password>`,
            );
      case 'mfa':
        return mfaHosts.pageHasOwn()
          ? nothing
          : this.renderStep('cognito-mfa', html`<cognito-mfa embedded totp-issuer=${this.totpIssuer}></cognito-mfa>`);
      case 'signedOut': {
        const message = this.error
          ? this.t(this.error.key, this.error.params)
          : notice
            ? this.t(`error.${notice}`)
            : '';
        return this.#renderForm(message);
      }
    }
  }

  #renderForm(message: string): TemplateResult {
    const ids = this.#ids;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
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
        ${renderField({
          field: 'password',
          id: ids.password,
          label: this.t('login.password'),
          name: 'password',
          type: this.revealed ? 'text' : 'password',
          autocomplete: 'current-password',
          verbatim: true,
          invalid: this.invalidField === 'password',
          describedBy: ids.error,
          onInput: () => (this.invalidField = this.invalidField === 'password' ? null : this.invalidField),
          beside: {
            part: 'password-row',
            content: html`<button
              part="toggle-password"
              type="button"
              aria-controls=${ids.password}
              ?data-revealed=${this.revealed}
              @click=${this.#onTogglePassword}
            >
              ${this.t(this.revealed ? 'login.hidePassword' : 'login.showPassword')}
            </button>`,
          },
        })}
        ${
          this.rememberMe
            ? html`<label part="remember"
                ><input part="remember-me" type="checkbox" name="remember-me" />${this.t('login.rememberMe')}</label
              >`
            : nothing
        }
        ${this.renderError(ids.error, message)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('login.busy') : this.t('login.submit')}
        </button>
        ${this.forgotPasswordHref ? html`<a part="forgot-password-link link" href=${this.forgotPasswordHref}>${this.t('login.forgotPassword')}</a>` : nothing}
        ${this.signUpHref ? html`<a part="sign-up-link link" href=${this.signUpHref}>${this.t('login.signUp')}</a>` : nothing}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-login': CognitoLogin;
  }
}
