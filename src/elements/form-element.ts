/**
 * What every light-DOM form element shares: rendering into the light DOM with the form styles, the error and busy
 * state, refusing a submit with a focused field, running the store action with the busy state painted first, and
 * the parts of a step that waits for a code (the code field, Resend with its cooldown, Back).
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MessageKey } from '../i18n/index.js';
import {
  adoptLightDomStyles,
  afterPaint,
  CognitoElement,
  failureMessage,
  type Message,
} from '../internal/cognito-element.js';
import { Cooldown } from '../internal/cooldown.js';
import { focusFor } from '../internal/focus.js';
import { toAuthError, type AuthStatus, type CodeDelivery, type CognitoAuthError } from '../store/index.js';
import { EMAIL, renderField } from './field.js';
import { formStyles } from './form.styles.js';
import { StepLoader } from './step-loader.js';
import type { StepTag } from './steps.js';

/** Seconds before Resend code can be used again, unless the `resend-cooldown` attribute says otherwise. */
const RESEND_COOLDOWN_S = 30;

export abstract class CognitoFormElement extends CognitoElement {
  @state() protected busy = false;
  @state() protected error: Message | null = null;
  /** The `data-field` of the input the error is about. */
  @state() protected invalidField: string | null = null;
  /** The typed email: kept across errors and re-renders, forgotten once signed in (a shared computer). */
  @state() protected email = '';
  /** A short confirmation that is not an error ("A new code was sent"), shown as a status. */
  @state() protected notice: Message | null = null;

  /** Seconds before "Send a new code" can be used again (after a code was sent). */
  @property({ attribute: 'resend-cooldown', type: Number }) resendCooldown = 30; // RESEND_COOLDOWN_S, written out for the manifest

  protected readonly cooldown = new Cooldown(this);

  // The steps a form continues into, loaded when they appear (steps.ts); one that arrives after the change of
  // state gets the focus the change would have given it.
  readonly #steps = new StepLoader(
    this,
    () => this.auth.store.timeoutMs,
    () => void focusFor(this.auth.state.status),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.auth.state.status === 'signedIn' && (this.email || this.error)) this.forgetTyped();
  }

  /** Signed in: what was typed goes, so that after a sign-out the form starts empty. */
  protected forgetTyped(): void {
    this.email = '';
    this.error = null;
    this.invalidField = null;
  }

  /** After an action on the page, focus goes to the email field of a signed-out form (steps say otherwise). */
  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'signedOut' ? this.field('email') : null;
  }

  #stepShownFor: string | null = null;

  /**
   * Called on every update by a code step with the email its step is for (null when none waits): a new step starts
   * clean, with the cooldown running (its code has just been sent). True when the step changed.
   */
  protected followStep(email: string | null): boolean {
    if (email === this.#stepShownFor) return false;
    this.#stepShownFor = email;
    this.error = null;
    this.notice = null;
    this.invalidField = null;
    if (email) this.startCooldown();
    return true;
  }

  /** A refused code: marked, and selected for retyping. */
  protected markCodeWrong(failure: CognitoAuthError | undefined): void {
    if (failure?.code !== 'codeMismatch' && failure?.code !== 'codeExpired') return;
    this.invalidField = 'code';
    void this.updateComplete.then(() => this.field('code')?.select());
  }

  protected readonly onEmailInput = (event: Event): void => {
    this.email = (event.target as HTMLInputElement).value;
    if (this.invalidField === 'email') this.invalidField = null;
  };

  /** The email field's value, trimmed; undefined, with the field focused and the reason shown, when unusable. */
  protected checkedEmail(): string | undefined {
    const email = (this.field('email')?.value ?? '').trim();
    if (!email) this.refuse('error.emailRequired', 'email');
    else if (!EMAIL.test(email)) this.refuse('error.emailInvalid', 'email');
    else return (this.email = email);
    return undefined;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, formStyles);
  }

  /** A client-side check failed: say so and put the cursor where the fix is. Nothing is sent. */
  protected refuse(key: MessageKey, field: string, params?: Record<string, string>): void {
    this.error = params ? { key, params } : { key };
    this.invalidField = field;
    void this.updateComplete.then(() => this.field(field)?.focus());
  }

  protected field(name: string): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`[data-field="${name}"]`);
  }

  /**
   * Runs a store action once the busy state is on screen (Amplify's SRP math then blocks the main thread), and
   * shows its failure. Resolves with the failure, or undefined when it succeeded.
   */
  protected async submitting(action: () => Promise<void>): Promise<CognitoAuthError | undefined> {
    this.busy = true;
    this.error = null;
    this.invalidField = null;
    await this.updateComplete;
    await afterPaint();
    try {
      await action();
      return undefined;
    } catch (error) {
      // `detail` is the service's own text (e.g. the pool's password rule): shown as text, never as markup.
      this.error = failureMessage(error);
      return toAuthError(error);
    } finally {
      this.busy = false;
    }
  }

  /** A code was just sent: Resend waits for the cooldown. */
  protected startCooldown(): void {
    const seconds =
      Number.isFinite(this.resendCooldown) && this.resendCooldown >= 0 ? this.resendCooldown : RESEND_COOLDOWN_S;
    this.cooldown.start(seconds);
  }

  /**
   * Asks for a new code (`send`), says where it went (unless `sayWhere` is false: a reset must read the same for an
   * email with no account), and starts the cooldown again.
   */
  protected async resendCode(send: () => Promise<CodeDelivery | null>, sayWhere = true): Promise<void> {
    if (this.busy || this.cooldown.remaining > 0) return;
    this.notice = null;
    const failure = await this.submitting(async () => {
      const delivery = await send();
      this.notice =
        delivery && sayWhere
          ? { key: 'code.resentTo', params: { destination: delivery.destination } }
          : { key: 'code.resent' };
    });
    if (!failure) this.startCooldown();
    void this.updateComplete.then(() => this.field('code')?.focus());
  }

  /**
   * The form's `role="alert"` line, always in the page (so that a message appearing in it is announced) and marked
   * `data-empty` while it has nothing to say (the styles hide an empty one; whitespace in a template is not `:empty`).
   */
  protected renderError(
    id: string,
    message: string = this.error ? this.t(this.error.key, this.error.params) : '',
  ): TemplateResult {
    return html`<div part="error" id=${id} role="alert" ?data-empty=${!message}>${message}</div>`;
  }

  /** A step's element, loaded when the step appears; while it loads, a status; if it cannot, why and the ways out. */
  protected renderStep(tag: StepTag, element: TemplateResult): TemplateResult {
    switch (this.#steps.status(tag)) {
      case 'ready':
        return element;
      case 'loading':
        return html`<p role="status" part="loading">${this.t('step.loading')}</p>
          ${element}`;
      case 'failed':
        return html`<div role="alert" part="error">${this.t('error.stepUnavailable')}</div>
          <button type="button" part="retry button" @click=${() => location.reload()}>${this.t('step.reload')}</button>
          <button type="button" part="back button" @click=${() => this.auth.store.cancelStep()}>
            ${this.t('step.back')}
          </button>`;
    }
  }

  /** The one-time-code input of a code step. */
  protected renderCodeField(id: string, errorId: string): TemplateResult {
    return renderField({
      field: 'code',
      id,
      label: this.t('code.label'),
      name: 'code',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      verbatim: true,
      invalid: this.invalidField === 'code',
      describedBy: errorId,
      onInput: () => (this.invalidField = this.invalidField === 'code' ? null : this.invalidField),
    });
  }

  /** The status line, Resend (with the seconds left) and Back of a code step. */
  protected renderCodeActions(onResend: () => void, onBack: () => void): TemplateResult {
    const wait = this.cooldown.remaining;
    return html`
      <p part="notice" role="status">${this.notice ? this.t(this.notice.key, this.notice.params) : ''}</p>
      <button part="resend secondary-button" type="button" ?disabled=${this.busy || wait > 0} @click=${onResend}>
        ${wait > 0 ? this.t('code.resendIn', { seconds: wait }) : this.t('code.resend')}
      </button>
      <button part="back secondary-button" type="button" ?disabled=${this.busy} @click=${onBack}>
        ${this.t('code.back')}
      </button>
    `;
  }
}
