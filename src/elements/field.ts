/**
 * One labelled input of a light-DOM form: the label, the input with its `autocomplete` token, and the ARIA that
 * ties it to the form's error (and checklist). Every form element builds its fields with this, so each screen
 * gets the same markup, parts and accessibility.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface Field {
  /** The input's `data-field`: how the element finds it (and names it in `invalidField`). */
  readonly field: string;
  readonly id: string;
  readonly label: string;
  /** The form control's name: what a password manager reads next to `autocomplete`. */
  readonly name: string;
  readonly type: 'email' | 'password' | 'text' | 'tel' | 'date' | 'url';
  /** The `autocomplete` token (`username`, `current-password`, `new-password`, `one-time-code`, `given-name`, …). */
  readonly autocomplete: string;
  readonly invalid: boolean;
  /** Ids of what describes the input: the error, the checklist. */
  readonly describedBy: string;
  /**
   * A value the element keeps (bound live); leave out for an input the element only reads (`nothing` then: never
   * written, where `undefined` would write the text "undefined").
   */
  readonly value?: string | undefined;
  readonly inputmode?: 'email' | 'numeric' | undefined;
  readonly minlength?: number | undefined;
  /** Typed exactly as it is: no autocapitalisation, no spellcheck (emails, passwords, codes). */
  readonly verbatim?: boolean | undefined;
  readonly onInput: (event: Event) => void;
  /** Controls beside the input (the show-password toggle): input and controls then share a row with this part. */
  readonly beside?: { readonly part: string; readonly content: TemplateResult } | undefined;
}

export function renderField(f: Field): TemplateResult {
  const input = html`<input
    part="input"
    id=${f.id}
    data-field=${f.field}
    name=${f.name}
    type=${f.type}
    inputmode=${ifDefined(f.inputmode)}
    autocomplete=${f.autocomplete}
    autocapitalize=${ifDefined(f.verbatim ? 'none' : undefined)}
    spellcheck=${ifDefined(f.verbatim ? 'false' : undefined)}
    required
    minlength=${ifDefined(f.minlength)}
    .value=${f.value === undefined ? nothing : live(f.value)}
    aria-invalid=${f.invalid ? 'true' : 'false'}
    aria-describedby=${f.describedBy}
    @input=${f.onInput}
  />`;
  return html`<div part="field">
    <label part="label" for=${f.id}>${f.label}</label>
    ${f.beside ? html`<div part=${f.beside.part}>${input}${f.beside.content}</div>` : input}
  </div>`;
}

/** What the elements accept as an email address before asking Cognito (which has the last word). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email field every form starts with: `autocomplete="username"`, so password managers pair it. */
export const emailField = (
  f: Pick<Field, 'id' | 'label' | 'value' | 'invalid' | 'describedBy' | 'onInput'>,
): Field => ({
  ...f,
  field: 'email',
  name: 'username',
  type: 'email',
  inputmode: 'email',
  autocomplete: 'username',
  verbatim: true,
});

/**
 * The email of a step's account, hidden: a password manager reads it to save the new password (or fill the code)
 * for the right account.
 */
export const renderHiddenUsername = (id: string, email: string): TemplateResult =>
  html`<input id=${id} name="username" type="email" autocomplete="username" .value=${email} readonly hidden />`;
