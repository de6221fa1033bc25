/**
 * What every form that sets a password shares (<cognito-new-password>, <cognito-sign-up>, <cognito-reset-password>):
 * the pool's policy as attributes (`min-length`, `require`), the password and confirmation fields with the live
 * checklist, and the checks made before anything is sent.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addStrings, type MessageKey } from '../i18n/index.js';
import { fallBack, uniqueId } from '../internal/cognito-element.js';
import { renderField, type Field } from './field.js';
import { CognitoFormElement } from './form-element.js';
import { passwordStrings } from '../i18n/strings/password.js';

addStrings(passwordStrings);

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

export abstract class CognitoPasswordForm extends CognitoFormElement {
  @state() protected password = '';
  @state() protected confirmation = '';
  /** What was typed into the user-attribute fields, by Cognito attribute name. */
  @state() protected attributeValues: Readonly<Record<string, string>> = {};

  /** The pool's minimum password length, 6–99 (Cognito's default: 8). Anything else: 8, with a console warning. */
  @property({ attribute: 'min-length', type: Number }) minLength = 8; // DEFAULT_MIN_LENGTH, written out for the manifest

  /**
   * The pool's character rules, space-separated: any of `lowercase uppercase numbers symbols` (default: all).
   * Unknown words are ignored with a console warning.
   */
  @property() require = 'lowercase uppercase numbers symbols';

  protected readonly passwordIds = {
    password: uniqueId(`${this.localName}-password`),
    confirm: uniqueId(`${this.localName}-confirm`),
    rules: uniqueId(`${this.localName}-rules`),
    error: uniqueId(`${this.localName}-error`),
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Check the policy attributes when they are set, not only when the form appears: a developer who never
    // reaches the form must see the warning too.
    if (changed.has('minLength') || changed.has('require')) void this.#rules;
  }

  /** `min-length` as a usable number: a typo must not make every password fail ("At least NaN characters"). */
  get #minLength(): number {
    const [low, high] = MIN_LENGTH_RANGE;
    const n = this.minLength;
    if (Number.isInteger(n) && n >= low && n <= high) return n;
    return fallBack(
      this,
      'min-length',
      this.getAttribute('min-length') ?? n,
      `a whole number from ${low} to ${high}`,
      DEFAULT_MIN_LENGTH,
    );
  }

  get #rules(): { id: string; label: string; met: boolean }[] {
    const words = this.require.split(/\s+/).filter(Boolean);
    for (const word of words)
      if (!(word in RULES))
        fallBack(this, 'require', word, `each word one of ${Object.keys(RULES).join(' ')}`, 'the other words');
    const wanted = new Set(words);
    const minLength = this.#minLength;
    const rules = [
      { id: 'length', label: this.t('policy.minLength', { n: minLength }), met: this.password.length >= minLength },
    ];
    for (const rule of Object.keys(RULES) as Rule[]) {
      if (wanted.has(rule))
        rules.push({ id: rule, label: this.t(`policy.${rule}`), met: RULES[rule].test(this.password) });
    }
    return rules;
  }

  /** Refuses a password the checklist does not pass, or a confirmation that differs. True when refused. */
  protected refusePassword(): boolean {
    if (this.#rules.some((rule) => !rule.met)) this.refuse('error.policyUnmet', 'password');
    else if (this.password !== this.confirmation) this.refuse('error.passwordMismatch', 'confirm');
    else return false;
    return true;
  }

  /** Refuses an empty attribute field among `names` (focused, named in the message). True when refused. */
  protected refuseAttributes(names: readonly string[]): boolean {
    const empty = names.find((name) => !this.attributeValues[name]?.trim());
    if (empty) this.refuse('error.attributeRequired', `attribute-${empty}`, { attribute: this.#attributeLabel(empty) });
    return empty !== undefined;
  }

  /** The typed values of `names`, trimmed. */
  protected attributesFor(names: readonly string[]): Record<string, string> {
    return Object.fromEntries(names.map((name) => [name, (this.attributeValues[name] ?? '').trim()]));
  }

  #attributeLabel(name: string): string {
    const key = `attribute.${name}` as MessageKey;
    const label = this.t(key);
    return label === key ? name : label;
  }

  /** A field for each Cognito user attribute in `names`, with the label and input type that fit it. */
  protected renderAttributeFields(names: readonly string[], legend: MessageKey): TemplateResult | typeof nothing {
    if (!names.length) return nothing;
    return html`
      <fieldset part="attributes">
        <legend>${this.t(legend)}</legend>
        ${names.map((name) =>
          renderField({
            field: `attribute-${name}`,
            id: `${this.passwordIds.error}-${name}`,
            label: this.#attributeLabel(name),
            name,
            type: INPUT_TYPE[name] ?? 'text',
            autocomplete: AUTOCOMPLETE[name] ?? 'on',
            value: this.attributeValues[name] ?? '',
            invalid: this.invalidField === `attribute-${name}`,
            describedBy: this.passwordIds.error,
            onInput: (event: Event) => {
              this.attributeValues = { ...this.attributeValues, [name]: (event.target as HTMLInputElement).value };
            },
          }),
        )}
      </fieldset>
    `;
  }

  /** Empties both fields (after a step that used them ended). */
  protected clearPasswords(): void {
    this.password = '';
    this.confirmation = '';
    for (const name of ['password', 'confirm']) {
      const input = this.field(name);
      if (input) input.value = '';
    }
  }

  #onPasswordInput(event: Event): void {
    this.password = (event.target as HTMLInputElement).value;
    if (this.invalidField === 'password') this.invalidField = null;
  }

  #onConfirmInput(event: Event): void {
    this.confirmation = (event.target as HTMLInputElement).value;
    if (this.invalidField === 'confirm') this.invalidField = null;
  }

  /** The password and confirmation fields and the checklist; `describedBy` adds the form's error. */
  protected renderPasswordFields(labels: {
    readonly password: MessageKey;
    readonly confirm: MessageKey;
  }): TemplateResult {
    const ids = this.passwordIds;
    const mismatch = this.confirmation !== '' && this.confirmation !== this.password;
    const matched = this.confirmation !== '' && !mismatch;
    const describedBy = `${ids.rules} ${ids.error}`;
    const rule = (id: string, label: string, met: boolean) =>
      html`<li part="rule" data-rule=${id} ?data-met=${met}>
        ${label}<span class="cognito-visually-hidden">: ${this.t(met ? 'policy.met' : 'policy.unmet')}</span>
      </li>`;
    return html`
      ${renderField({
        field: 'password',
        id: ids.password,
        label: this.t(labels.password),
        name: 'new-password',
        type: 'password',
        autocomplete: 'new-password',
        verbatim: true,
        minlength: this.#minLength,
        invalid: this.invalidField === 'password',
        describedBy,
        onInput: this.#onPasswordInput,
      })}
      ${renderField({
        field: 'confirm',
        id: ids.confirm,
        label: this.t(labels.confirm),
        name: 'confirm-password',
        type: 'password',
        autocomplete: 'new-password',
        verbatim: true,
        invalid: this.invalidField === 'confirm' || mismatch,
        describedBy,
        onInput: this.#onConfirmInput,
      })}
      <div part="requirements">
        <span id=${`${ids.rules}-title`}>${this.t('newPassword.requirements')}</span>
        <ul part="checklist" id=${ids.rules} aria-labelledby=${`${ids.rules}-title`}>
          ${this.#rules.map((r) => rule(r.id, r.label, r.met))} ${rule('match', this.t('policy.match'), matched)}
        </ul>
      </div>
    `;
  }
}

/** The input type of the standard Cognito attributes that are not plain text. */
const INPUT_TYPE: Record<string, Field['type']> = {
  phone_number: 'tel',
  birthdate: 'date',
  website: 'url',
  picture: 'url',
  profile: 'url',
};

/** The `autocomplete` token of each standard Cognito attribute a browser can fill. */
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
