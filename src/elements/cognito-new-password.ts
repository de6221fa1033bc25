import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthStatus } from '../store/index.js';
import { renderHiddenUsername } from './field.js';
import { CognitoPasswordForm } from './password-form.js';
import { newPasswordHosts, StepHostsController } from './step-hosts.js';

/**
 * @summary The first-login step: Cognito's NEW_PASSWORD_REQUIRED challenge, answered with a new password.
 *
 * Shows itself only while the challenge is waiting (after `<cognito-login>` or `getAuthStore().signIn()` got
 * `CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED`), and only one form per challenge: a page's own element takes it
 * before the one a `<cognito-login>` embeds. Light DOM, like the login, so password managers offer and save the
 * new password for the right account (a hidden `autocomplete="username"` field holds the email).
 *
 * @event cognito-signed-in - The new password was accepted and the user is signed in. `detail: { user, reason: 'new-password' }`.
 * @event cognito-auth-change - The auth status changed because of this element (signed in, or back to signed out).
 * @event cognito-next-step - Cognito asks for yet another step after the new password. `detail: { step }`.
 * @event cognito-error - The new password was refused. `detail: { name, message, action: 'completeNewPassword' }`.
 *
 * @csspart form - The `<form>` (light DOM, like every part here: select with `cognito-new-password [part~='form']`).
 * @csspart heading - "Choose a new password".
 * @csspart intro - The line under the heading.
 * @csspart field - A label with its input.
 * @csspart label - A field's label.
 * @csspart input - The password, confirmation and attribute inputs.
 * @csspart requirements - The policy checklist with its title.
 * @csspart checklist - The list of requirements.
 * @csspart rule - One requirement; `data-met` when it is met.
 * @csspart attributes - The fieldset of attributes Cognito requires.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart submit-button - "Set password and sign in".
 * @csspart secondary-button - "Back to sign in".
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-success - A requirement that is met.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Requirements not yet met, secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-new-password')
export class CognitoNewPassword extends CognitoPasswordForm {
  /** Set by `<cognito-login>` on the element it embeds; a page's own element takes precedence over it. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  protected readonly stepHosts = new StepHostsController(this, [], {
    hosts: newPasswordHosts,
    embedded: () => this.embedded,
  });

  readonly #username = uniqueId('cognito-new-password-username');

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'newPasswordRequired' ? this.field('password') : null;
  }

  #onCancel(): void {
    this.auth.store.cancelNewPassword({ origin: this });
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { state } = this.auth;
    const missing = state.status === 'newPasswordRequired' ? state.pending.missingAttributes : [];
    if (this.refusePassword() || this.refuseAttributes(missing)) return;

    const failure = await this.submitting(async () => {
      await this.auth.store.completeNewPassword(this.password, this.attributesFor(missing), { origin: this });
    });
    if (failure?.code === 'invalidPassword') this.invalidField = 'password';
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state } = this.auth;
    if (state.status !== 'newPasswordRequired' || newPasswordHosts.owner() !== this) return nothing;
    const { pending } = state;
    const ids = this.passwordIds;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('newPassword.heading')}</h2>
        <p part="intro">${this.t('newPassword.intro')}</p>
        ${renderHiddenUsername(this.#username, pending.email)}
        ${this.renderPasswordFields({ password: 'newPassword.password', confirm: 'newPassword.confirm' })}
        ${this.renderAttributeFields(pending.missingAttributes, 'newPassword.attributes')}
        ${this.renderError(ids.error)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('newPassword.busy') : this.t('newPassword.submit')}
        </button>
        <button part="secondary-button" type="button" ?disabled=${this.busy} @click=${this.#onCancel}>
          ${this.t('newPassword.cancel')}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-new-password': CognitoNewPassword;
  }
}
