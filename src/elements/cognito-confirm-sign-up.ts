import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthStatus } from '../store/index.js';
import { renderHiddenUsername } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { confirmSignUpHosts, StepHostsController } from './step-hosts.js';
import { addStrings } from '../i18n/index.js';
import { codeStrings } from '../i18n/strings/code.js';

addStrings(codeStrings);

/**
 * @summary The code that confirms a new account, then signed in with the password typed at sign-up.
 *
 * Shows itself only while the store waits for that code (state `confirmSignUp`: after `<cognito-sign-up>`, a
 * sign-in of an unconfirmed account in `<cognito-login>`, or `getAuthStore().signUp()`), and only one form per step:
 * a page's own element before one that another element embeds. Where the code went is shown as Cognito masked it.
 *
 * @event cognito-signed-in - The account is confirmed and the user signed in. `detail: { user, reason }` (`sign-up`, or `sign-in` from the login).
 * @event cognito-auth-change - The status changed because of this element (signed in, or back to signed out).
 * @event cognito-error - The code was refused, or a new one could not be sent. `detail: { name, message, action }`.
 *
 * @csspart form - The `<form>` (light DOM: select with `cognito-confirm-sign-up [part~='form']`).
 * @csspart heading - "Confirm your account".
 * @csspart intro - Where the code went.
 * @csspart field - The label with the code input.
 * @csspart label - The code's label.
 * @csspart input - The code input (`autocomplete="one-time-code"`).
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart notice - The `role="status"` line ("A new code was sent").
 * @csspart submit-button - "Confirm and sign in".
 * @csspart resend - "Send a new code", with the seconds left while it waits.
 * @csspart back - "Back": leaves the step.
 * @csspart secondary-button - Resend and Back.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-confirm-sign-up')
export class CognitoConfirmSignUp extends CognitoFormElement {
  /** Set by the element that embeds this one; a page's own element takes precedence over it. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  protected readonly stepHosts = new StepHostsController(this, [], {
    hosts: confirmSignUpHosts,
    embedded: () => this.embedded,
  });

  readonly #ids = {
    username: uniqueId('cognito-confirm-username'),
    code: uniqueId('cognito-confirm-code'),
    error: uniqueId('cognito-confirm-error'),
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { state } = this.auth;
    this.followStep(state.status === 'confirmSignUp' ? state.pending.email : null);
  }

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'confirmSignUp' ? this.field('code') : null;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { state } = this.auth;
    const code = (this.field('code')?.value ?? '').trim();
    // After the code was accepted, a retry only signs in: no code is needed.
    if (!code && !(state.status === 'confirmSignUp' && state.pending.confirmed))
      return this.refuse('error.codeRequired', 'code');
    this.notice = null;
    const failure = await this.submitting(async () => {
      await this.auth.store.confirmSignUp(code, { origin: this });
    });
    this.markCodeWrong(failure);
  }

  #onResend(): void {
    void this.resendCode(() => this.auth.store.resendSignUpCode({ origin: this }));
  }

  #onBack(): void {
    this.auth.store.cancelStep({ origin: this });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state } = this.auth;
    if (state.status !== 'confirmSignUp' || confirmSignUpHosts.owner() !== this) return nothing;
    const { pending } = state;
    const ids = this.#ids;
    const intro = pending.delivery
      ? this.t('confirmSignUp.sentTo', { destination: pending.delivery.destination })
      : this.t('confirmSignUp.sent');
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('confirmSignUp.heading')}</h2>
        <p part="intro">${intro}</p>
        ${renderHiddenUsername(ids.username, pending.email)}
        ${pending.confirmed ? nothing : this.renderCodeField(ids.code, ids.error)} ${this.renderError(ids.error)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('confirmSignUp.busy') : this.t('confirmSignUp.submit')}
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
    'cognito-confirm-sign-up': CognitoConfirmSignUp;
  }
}
