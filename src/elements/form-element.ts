/**
 * What the two light-DOM form elements (<cognito-login>, <cognito-new-password>) share: rendering into the light
 * DOM with the form styles, the error and busy state, refusing a submit with a focused field, and running the
 * store action with the busy state painted first.
 */
import { state } from 'lit/decorators.js';
import type { MessageKey } from '../i18n/index.js';
import { adoptLightDomStyles, afterPaint, CognitoElement, failureMessage, type Message } from '../internal/cognito-element.js';
import { toAuthError, type CognitoAuthError } from '../store/index.js';
import { formStyles } from './form.styles.js';

export abstract class CognitoFormElement extends CognitoElement {
  @state() protected busy = false;
  @state() protected error: Message | null = null;
  /** The `data-field` of the input the error is about. */
  @state() protected invalidField: string | null = null;

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
}
