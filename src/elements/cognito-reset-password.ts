import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthStatus } from '../store/index.js';
import { renderHiddenUsername } from './field.js';
import { CognitoPasswordForm } from './password-form.js';
import { resetPasswordHosts, StepHostsController } from './step-hosts.js';
import { addStrings } from '../i18n/index.js';
import { codeStrings } from '../i18n/strings/code.js';

addStrings(codeStrings);

/**
 * @summary A password reset's second step: the code that was sent, a new password (with the policy checklist), then signed in.
 *
 * Shows itself only while the store waits for it (state `resetPassword`: after `<cognito-forgot-password>`, a
 * sign-in of an account whose password must be reset in `<cognito-login>`, or `getAuthStore().resetPassword()`).
 * The wording is the same whether or not an account exists for the email: nobody learns from it who has one.
 *
 * @event cognito-password-reset - The new password was set. `detail: { username }`.
 * @event cognito-signed-in - Signed in with the new password. `detail: { user, reason: 'password-reset' }`.
 * @event cognito-auth-change - The status changed because of this element.
 * @event cognito-next-step - Cognito asks for another step after the sign-in. `detail: { step }`.
 * @event cognito-error - The code or the password was refused, or a new code could not be sent. `detail: { name, message, action }`.
 *
 * @csspart form - The `<form>` (light DOM: select with `cognito-reset-password [part~='form']`).
 * @csspart heading - "Reset your password".
 * @csspart intro - What was sent, and where.
 * @csspart field - A label with its input.
 * @csspart label - A field's label.
 * @csspart input - The code, new password and confirmation inputs.
 * @csspart requirements - The policy checklist with its title.
 * @csspart checklist - The list of requirements.
 * @csspart rule - One requirement; `data-met` when it is met.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart notice - The `role="status"` line ("A new code was sent").
 * @csspart submit-button - "Set password and sign in".
 * @csspart resend - "Send a new code", with the seconds left while it waits.
 * @csspart back - "Back": leaves the step.
 * @csspart secondary-button - Resend and Back.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-success - A requirement that is met.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Requirements not yet met, secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-reset-password')
export class CognitoResetPassword extends CognitoPasswordForm {
  /** Set by the element that embeds this one; a page's own element takes precedence over it. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  protected readonly stepHosts = new StepHostsController(this, [], {
    hosts: resetPasswordHosts,
    embedded: () => this.embedded,
  });

  readonly #ids = { username: uniqueId('cognito-reset-username'), code: uniqueId('cognito-reset-code') };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { state } = this.auth;
    if (this.followStep(state.status === 'resetPassword' ? state.pending.email : null)) this.clearPasswords();
  }

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'resetPassword' ? this.field('code') : null;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const code = (this.field('code')?.value ?? '').trim();
    if (!code) return this.refuse('error.codeRequired', 'code');
    if (this.refusePassword()) return;
    this.notice = null;
    const failure = await this.submitting(async () => {
      await this.auth.store.confirmResetPassword(code, this.password, { origin: this });
    });
    if (failure?.code === 'invalidPassword') this.invalidField = 'password';
    this.markCodeWrong(failure);
  }

  #onResend(): void {
    void this.resendCode(() => this.auth.store.resendResetCode({ origin: this }), false);
  }

  #onBack(): void {
    this.auth.store.cancelStep({ origin: this });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state } = this.auth;
    if (state.status !== 'resetPassword' || resetPasswordHosts.owner() !== this) return nothing;
    const { pending } = state;
    const ids = this.#ids;
    const errorId = this.passwordIds.error;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('resetPassword.heading')}</h2>
        <p part="intro">${this.t('resetPassword.sentTo', { email: pending.email })}</p>
        ${renderHiddenUsername(ids.username, pending.email)} ${this.renderCodeField(ids.code, errorId)}
        ${this.renderPasswordFields({ password: 'newPassword.password', confirm: 'newPassword.confirm' })}
        ${this.renderError(errorId)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('resetPassword.busy') : this.t('resetPassword.submit')}
        </button>
        ${this.renderCodeActions(
          () => this.#onResend(),
          () => this.#onBack(),
        )}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-reset-password': CognitoResetPassword;
  }
}
