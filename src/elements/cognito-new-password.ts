import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MessageKey } from '../i18n/index.js';
import { fallBack, uniqueId } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthStatus } from '../store/index.js';
import { renderField } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { addNewPasswordHost, newPasswordOwner, onNewPasswordHosts, removeNewPasswordHost } from './new-password-owner.js';

/** Cognito's default minimum length, and the range a user pool's policy allows. */
const DEFAULT_MIN_LENGTH = 8;
const MIN_LENGTH_RANGE = [6, 99] as const;

type Rule = 'lowercase' | 'uppercase' | 'numbers' | 'symbols';
const RULES: Record<Rule, RegExp> = {
  lowercase: /[a-z]/,
  uppercase: /[A-Z]/,
  numbers: /[0-9]/,
  // The characters Cognito counts as symbols, and the space.
  symbols: /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/,
};

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
export class CognitoNewPassword extends CognitoFormElement {
  @state() private password = '';
  @state() private confirmation = '';
  @state() private attributeValues: Record<string, string> = {};

  /** The pool's minimum password length, 6–99 (Cognito's default: 8). Anything else: 8, with a console warning. */
  @property({ attribute: 'min-length', type: Number }) minLength = DEFAULT_MIN_LENGTH;

  /**
   * The pool's character rules, space-separated: any of `lowercase uppercase numbers symbols` (default: all).
   * Unknown words are ignored with a console warning.
   */
  @property() require = 'lowercase uppercase numbers symbols';

  /** Set by `<cognito-login>` on the element it embeds; a page's own element takes precedence over it. */
  @property({ type: Boolean, reflect: true }) embedded = false;

  readonly #ids = {
    username: uniqueId('cognito-new-password-username'),
    password: uniqueId('cognito-new-password-password'),
    confirm: uniqueId('cognito-new-password-confirm'),
    rules: uniqueId('cognito-new-password-rules'),
    error: uniqueId('cognito-new-password-error'),
  };

  #stopWatchingHosts: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingHosts = onNewPasswordHosts(() => this.requestUpdate());
    addNewPasswordHost(this, this.embedded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingHosts?.();
    removeNewPasswordHost(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Check the policy attributes when they are set, not only when the step appears: a developer who never
    // reaches the step must see the warning too.
    if (changed.has('minLength') || changed.has('require')) void this.#rules;
  }

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'newPasswordRequired' ? this.field('password') : null;
  }

  /** `min-length` as a usable number: a typo must not make every password fail ("At least NaN characters"). */
  get #minLength(): number {
    const [low, high] = MIN_LENGTH_RANGE;
    const n = this.minLength;
    return Number.isInteger(n) && n >= low && n <= high ? n : fallBack(this, 'min-length', this.getAttribute('min-length') ?? n, `a whole number from ${low} to ${high}`, DEFAULT_MIN_LENGTH);
  }

  get #rules(): { id: string; label: string; met: boolean }[] {
    const words = this.require.split(/\s+/).filter(Boolean);
    for (const word of words) if (!(word in RULES)) fallBack(this, 'require', word, `each word one of ${Object.keys(RULES).join(' ')}`, 'the other words');
    const wanted = new Set(words);
    const minLength = this.#minLength;
    const rules = [{ id: 'length', label: this.t('policy.minLength', { n: minLength }), met: this.password.length >= minLength }];
    for (const rule of Object.keys(RULES) as Rule[]) {
      if (wanted.has(rule)) rules.push({ id: rule, label: this.t(`policy.${rule}`), met: RULES[rule].test(this.password) });
    }
    return rules;
  }

  #onPasswordInput(event: Event): void {
    this.password = (event.target as HTMLInputElement).value;
    if (this.invalidField === 'password') this.invalidField = null;
  }

  #onConfirmInput(event: Event): void {
    this.confirmation = (event.target as HTMLInputElement).value;
    if (this.invalidField === 'confirm') this.invalidField = null;
  }

  #onAttributeInput(name: string, event: Event): void {
    this.attributeValues = { ...this.attributeValues, [name]: (event.target as HTMLInputElement).value };
  }

  #onCancel(): void {
    this.auth.store.cancelNewPassword({ origin: this });
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const { state } = this.auth;
    const missing = state.status === 'newPasswordRequired' ? state.pending.missingAttributes : [];
    if (this.#rules.some((rule) => !rule.met)) return this.refuse('error.policyUnmet', 'password');
    if (this.password !== this.confirmation) return this.refuse('error.passwordMismatch', 'confirm');
    const empty = missing.find((name) => !this.attributeValues[name]?.trim());
    if (empty) return this.refuse('error.attributeRequired', `attribute-${empty}`, { attribute: this.#attributeLabel(empty) });

    const failure = await this.submitting(async () => {
      const values = Object.fromEntries(missing.map((name) => [name, this.attributeValues[name]!.trim()]));
      await this.auth.store.completeNewPassword(this.password, values, { origin: this });
    });
    if (failure?.code === 'invalidPassword') this.invalidField = 'password';
  }

  #attributeLabel(name: string): string {
    const key = `attribute.${name}` as MessageKey;
    const label = this.t(key);
    return label === key ? name : label;
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state } = this.auth;
    if (state.status !== 'newPasswordRequired' || newPasswordOwner() !== this) return nothing;
    const { pending } = state;
    const ids = this.#ids;
    const mismatch = this.confirmation !== '' && this.confirmation !== this.password;
    const rules = this.#rules;
    return html`
      <form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 part="heading">${this.t('newPassword.heading')}</h2>
        <p part="intro">${this.t('newPassword.intro')}</p>
        <input id=${ids.username} name="username" type="email" autocomplete="username" .value=${pending.email} readonly hidden />
        ${renderField({
          field: 'password',
          id: ids.password,
          label: this.t('newPassword.password'),
          name: 'new-password',
          type: 'password',
          autocomplete: 'new-password',
          verbatim: true,
          minlength: this.#minLength,
          invalid: this.invalidField === 'password',
          describedBy: `${ids.rules} ${ids.error}`,
          onInput: this.#onPasswordInput,
        })}
        ${renderField({
          field: 'confirm',
          id: ids.confirm,
          label: this.t('newPassword.confirm'),
          name: 'confirm-password',
          type: 'password',
          autocomplete: 'new-password',
          verbatim: true,
          invalid: this.invalidField === 'confirm' || mismatch,
          describedBy: `${ids.rules} ${ids.error}`,
          onInput: this.#onConfirmInput,
        })}
        <div part="requirements">
          <span id=${`${ids.rules}-title`}>${this.t('newPassword.requirements')}</span>
          <ul part="checklist" id=${ids.rules} aria-labelledby=${`${ids.rules}-title`}>
            ${rules.map(
              (rule) => html`<li part="rule" data-rule=${rule.id} ?data-met=${rule.met}>
                ${rule.label}<span class="cognito-visually-hidden">: ${this.t(rule.met ? 'policy.met' : 'policy.unmet')}</span>
              </li>`,
            )}
            <li part="rule" data-rule="match" ?data-met=${this.confirmation !== '' && !mismatch}>
              ${this.t('policy.match')}<span class="cognito-visually-hidden">: ${this.t(this.confirmation !== '' && !mismatch ? 'policy.met' : 'policy.unmet')}</span>
            </li>
          </ul>
        </div>
        ${pending.missingAttributes.length ? this.#renderAttributes(pending.missingAttributes) : nothing}
        <div part="error" id=${ids.error} role="alert">${this.error ? this.t(this.error.key, this.error.params) : ''}</div>
        <button part="submit-button" type="submit" ?disabled=${this.busy}>${this.busy ? this.t('newPassword.busy') : this.t('newPassword.submit')}</button>
        <button part="secondary-button" type="button" ?disabled=${this.busy} @click=${this.#onCancel}>${this.t('newPassword.cancel')}</button>
      </form>
    `;
  }

  #renderAttributes(names: readonly string[]): TemplateResult {
    return html`
      <fieldset part="attributes">
        <legend>${this.t('newPassword.attributes')}</legend>
        ${names.map((name) => {
          const id = `${this.#ids.error}-${name}`;
          return renderField({
            field: `attribute-${name}`,
            id,
            label: this.#attributeLabel(name),
            name,
            type: name === 'phone_number' ? 'tel' : name === 'birthdate' ? 'date' : 'text',
            autocomplete: AUTOCOMPLETE[name] ?? 'on',
            value: this.attributeValues[name] ?? '',
            invalid: this.invalidField === `attribute-${name}`,
            describedBy: this.#ids.error,
            onInput: (event: Event) => this.#onAttributeInput(name, event),
          });
        })}
      </fieldset>
    `;
  }
}

const AUTOCOMPLETE: Record<string, string> = {
  name: 'name',
  given_name: 'given-name',
  family_name: 'family-name',
  middle_name: 'additional-name',
  nickname: 'nickname',
  phone_number: 'tel',
  birthdate: 'bday',
  address: 'street-address',
  gender: 'sex',
  website: 'url',
  preferred_username: 'nickname',
};

declare global {
  interface HTMLElementTagNameMap {
    'cognito-new-password': CognitoNewPassword;
  }
}
