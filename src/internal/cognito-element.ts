/**
 * What every cognito-* element shares: the configuration attributes, the store (through AuthController), the
 * language, and the `state` attribute that mirrors the auth status on the host for page CSS.
 */
import { LitElement, type CSSResult, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { langOf, onLanguageChange, translate, watchDocumentLang, type MessageKey } from '../i18n/index.js';
import { AuthController } from '../store/auth-controller.js';
import type { TokenStorage } from '../store/types.js';

export abstract class CognitoElement extends LitElement {
  protected readonly auth = new AuthController(this);

  /** The Cognito user pool id, e.g. `ap-northeast-1_AbC123xyZ`. Any one element's configuration serves the page. */
  @property({ attribute: 'user-pool-id' }) userPoolId = '';

  /** The app client id (a client without a secret). */
  @property({ attribute: 'client-id' }) clientId = '';

  /** A custom user-pool endpoint: the local service (`http://127.0.0.1:9229`) or a proxy. */
  @property() endpoint = '';

  /** Where tokens are kept: `local` (default) or `session` (gone when the tab closes: for shared computers). */
  @property({ attribute: 'token-storage' }) tokenStorage: TokenStorage = 'local';

  /**
   * The element's own `lang` attribute, observed so that a change re-renders it: `en`, `ja`, or any language
   * given strings with setMessages(). Without it: the closest `[lang]` ancestor, then the browser's language.
   */
  @property({ attribute: 'lang' }) protected language = '';

  #stopLanguage: (() => void) | undefined;

  override connectedCallback(): void {
    // Configure before the controller attaches, so the store starts with this configuration.
    this.#applyConfiguration();
    super.connectedCallback();
    watchDocumentLang();
    this.#stopLanguage = onLanguageChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLanguage?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('userPoolId') || changed.has('clientId') || changed.has('endpoint') || changed.has('tokenStorage'))) {
      this.#applyConfiguration();
    }
    const status = this.auth.state.status;
    if (this.getAttribute('state') !== status) this.setAttribute('state', status);
  }

  #applyConfiguration(): void {
    if (!this.userPoolId && !this.clientId && !this.endpoint) return;
    this.auth.store.configure(
      { userPoolId: this.userPoolId, userPoolClientId: this.clientId, userPoolEndpoint: this.endpoint || undefined, storage: this.tokenStorage },
      { origin: this },
    );
  }

  /** A string in this element's language. */
  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(langOf(this), key, params);
  }
}

/**
 * For elements whose content lives in the light DOM (forms: password managers cannot see into shadow roots).
 * Their styles go into the host's root (document or enclosing shadow root) as a constructed sheet — no
 * `<style>` element, so a strict CSP needs no nonce — inside `@layer cognito-elements`, so any page rule wins.
 */
export function adoptLightDomStyles(host: Element, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  const root = host.getRootNode() as Document | ShadowRoot;
  if (!sheet || !('adoptedStyleSheets' in root)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

let counter = 0;
/** A document-unique id for label/aria wiring in light DOM. */
export const uniqueId = (prefix: string): string => `${prefix}-${(++counter).toString(36)}`;

/**
 * Resolves after the browser has painted: the busy state must be on screen before Amplify's SRP math blocks the
 * main thread for ~150 ms. A hidden tab paints nothing and runs no animation frames, so it does not wait; the
 * timeout guards against a frame that never comes.
 */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
