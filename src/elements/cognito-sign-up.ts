import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { fallBack, uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import { emailField, renderField } from './field.js';
import { CognitoPasswordForm } from './password-form.js';
import { confirmSignUpHosts, mfaHosts, StepHostsController } from './step-hosts.js';
import './cognito-confirm-sign-up.js';
import { addStrings } from '../i18n/index.js';
import { signUpStrings } from '../i18n/strings/sign-up.js';

addStrings(signUpStrings);

/** A Cognito user attribute name: standard (`given_name`) or custom (`custom:team`). */
const ATTRIBUTE = /^(custom:)?[a-z][a-z0-9_]*$/i;

/**
 * @summary Account creation: email, password (with the pool's policy as a live checklist) and any attributes the pool requires; then the code, then signed in.
 *
 * After Create account, the same element asks for the code Cognito sent (where it went, Resend with a cooldown,
 * Back) unless the page has its own `<cognito-confirm-sign-up>`; the confirmed account signs in with the password
 * just typed, never asked twice. Light DOM, like every form here, so password managers save the new password.
 * What was typed stays after an error (passwords excepted, which are never re-rendered).
 *
 * @event cognito-account-created - Cognito created the account. `detail: { username, confirmed, delivery }`.
 * @event cognito-next-step - The code step: `detail: { step: 'CONFIRM_SIGN_UP' }`.
 * @event cognito-signed-in - The confirmed account signed in. `detail: { user, reason: 'sign-up' }`.
 * @event cognito-auth-change - The auth status changed because of this element.
 * @event cognito-error - Sign-up, the code or the sign-in failed. `detail: { name, message, action }`.
 *
 * @csspart form - The `<form>` (light DOM: select with `cognito-sign-up [part~='form']`).
 * @csspart heading - "Create an account".
 * @csspart field - A label with its input.
 * @csspart label - A field's label.
 * @csspart input - The email, password, confirmation and attribute inputs.
 * @csspart requirements - The policy checklist with its title.
 * @csspart checklist - The list of requirements.
 * @csspart rule - One requirement; `data-met` when it is met.
 * @csspart attributes - The fieldset of the attributes in `fields`.
 * @csspart error - The `role="alert"` message (empty when there is none).
 * @csspart submit-button - "Create account".
 * @csspart sign-in-link - "Already have an account? Sign in" (with `sign-in-href`).
 * @csspart link - The link.
 *
 * @cssproperty --cognito-color-primary - Submit button and focus ring.
 * @cssproperty --cognito-color-success - A requirement that is met.
 * @cssproperty --cognito-color-error - Error text and border.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Requirements not yet met, secondary text.
 * @cssproperty --cognito-radius - Corner radius.
 */
@customElement('cognito-sign-up')
export class CognitoSignUp extends CognitoPasswordForm {
  /**
   * More user attributes the pool requires, space-separated Cognito names: `name`, `given_name`, `family_name`,
   * `phone_number` (E.164, `+81…`), `birthdate`, `custom:…`. Each gets the label, input type and autocomplete
   * token that fit it.
   */
  @property() fields = '';

  /** Where "Already have an account? Sign in" leads; no link without it. */
  @property({ attribute: 'sign-in-href' }) signInHref = '';

  readonly #emailId = uniqueId('cognito-sign-up-email');
  protected readonly stepHosts = new StepHostsController(this, [confirmSignUpHosts, mfaHosts]);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('fields')) void this.#fields;
    const { status } = this.auth.state;
    // The form is gone (the code step, or signed in): its password inputs went with it, so their values go too.
    if (status !== 'signedOut' && (this.password || this.confirmation)) this.clearPasswords();
  }

  get #fields(): string[] {
    const names = this.fields.split(/\s+/).filter(Boolean);
    for (const name of names)
      if (!ATTRIBUTE.test(name))
        fallBack(
          this,
          'fields',
          name,
          'Cognito attribute names such as name phone_number custom:team',
          'the other names',
        );
    return names.filter((name) => ATTRIBUTE.test(name) && name !== 'email');
  }

  protected override forgetTyped(): void {
    super.forgetTyped();
    this.attributeValues = {};
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = this.checkedEmail();
    const fields = this.#fields;
    if (email === undefined || this.refusePassword() || this.refuseAttributes(fields)) return;
    const failure = await this.submitting(async () => {
      confirmSignUpHosts.preferWithin(this);
      // A pool (or user) with MFA: the sign-in that ends this journey continues here.
      mfaHosts.preferWithin(this);
      await this.auth.store.signUp(email, this.password, { origin: this, attributes: this.attributesFor(fields) });
    });
    if (failure?.code === 'usernameExists') this.invalidField = 'email';
    if (failure?.code === 'invalidPassword') this.invalidField = 'password';
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status } = this.auth.state;
    const configMessage = this.configMessage();
    if (configMessage) return html`<div role="alert" part="error config-error">${configMessage}</div>`;
    if (status === 'confirmSignUp') {
      return confirmSignUpHosts.pageHasOwn()
        ? nothing
        : html`<cognito-confirm-sign-up embedded resend-cooldown=${this.resendCooldown}></cognito-confirm-sign-up>`;
    }
    // The sign-in that ends this journey may need a second factor: it continues here (loaded when it appears).
    if (status === 'mfa') {
      return mfaHosts.pageHasOwn()
        ? nothing
        : this.renderStep('cognito-mfa', html`<cognito-mfa embedded></cognito-mfa>`);
    }
    if (status !== 'signedOut') return nothing;
    const errorId = this.passwordIds.error;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('signUp.heading')}</h2>
        ${renderField(
          emailField({
            id: this.#emailId,
            label: this.t('login.email'),
            value: this.email,
            invalid: this.invalidField === 'email',
            describedBy: errorId,
            onInput: this.onEmailInput,
          }),
        )}
        ${this.renderPasswordFields({ password: 'signUp.password', confirm: 'signUp.confirm' })}
        ${this.renderAttributeFields(this.#fields, 'signUp.attributes')} ${this.renderError(errorId)}
        <button part="submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t('signUp.busy') : this.t('signUp.submit')}
        </button>
        ${this.signInHref ? html`<a part="sign-in-link link" href=${this.signInHref}>${this.t('signUp.signIn')}</a>` : nothing}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-up': CognitoSignUp;
  }
}
