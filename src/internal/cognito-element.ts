/**
 * What every cognito-* element shares: the configuration attributes, the store (through AuthController), the
 * language, and the `state` attribute that mirrors the auth status on the host for page CSS.
 */
import { LitElement, type CSSResult, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { langOf, onLanguageChange, translate, watchDocumentLang, type MessageKey } from '../i18n/index.js';
import { toAuthError, type AuthStatus, type TokenStorage } from '../store/index.js';
import { AuthController } from './auth-controller.js';
import { messageKeyOf } from './error-messages.js';
import { addFocusHost, removeFocusHost, type FocusHost } from './focus.js';

/** A message to show: its key and the values of its `{placeholders}`. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

/**
 * What to show for a failed action: its localized message with every placeholder filled, `{name}` (Cognito's
 * error name) and `{detail}` (the service's own words, rendered as text) included.
 */
export function failureMessage(error: unknown): Message {
  const failure = toAuthError(error);
  return { key: messageKeyOf(failure), params: { name: failure.name, detail: failure.message } };
}

const warned = new WeakMap<Element, Set<string>>();
const reported = new Set<string>();

/**
 * An attribute value the element cannot use: a console warning (once per element and value) and the default.
 * A typo must never produce a broken element ("At least NaN characters").
 */
export function fallBack<T>(
  host: Element,
  attribute: string,
  value: unknown,
  expected: string,
  fallback: T,
  shown = String(fallback),
): T {
  const seen = warned.get(host) ?? new Set<string>();
  warned.set(host, seen);
  const key = `${attribute}=${String(value)}`;
  if (!seen.has(key)) {
    seen.add(key);
    console.warn(
      `cognito-elements: <${host.localName}> ${attribute}="${String(value)}" is not valid (${expected}); using ${shown}.`,
    );
  }
  return fallback;
}

export abstract class CognitoElement extends LitElement implements FocusHost {
  protected readonly auth = new AuthController(this);

  /** The Cognito user pool id, e.g. `ap-northeast-1_AbC123xyZ`. Any one element's configuration serves the page. */
  @property({ attribute: 'user-pool-id' }) userPoolId = '';

  /** The app client id (a client without a secret). */
  @property({ attribute: 'client-id' }) clientId = '';

  /** A custom user-pool endpoint: the local service (`http://127.0.0.1:9229`) or a proxy. */
  @property() endpoint = '';

  /** Where tokens are kept: `local` (default) or `session` (gone when the tab closes: for shared computers). */
  @property({ attribute: 'token-storage' }) tokenStorage: TokenStorage = 'local';

  /** The deadline of every network action, in milliseconds (default 15000): then a clear error, never a hang. */
  @property({ attribute: 'timeout-ms', type: Number }) timeoutMs: number | undefined;

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
    addFocusHost(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLanguage?.();
    removeFocusHost(this);
  }

  /** Where focus goes when a user's action brings this status (see internal/focus.ts); none by default. */
  focusTargetFor(_status: AuthStatus): HTMLElement | null {
    return null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      this.hasUpdated &&
      (changed.has('userPoolId') ||
        changed.has('clientId') ||
        changed.has('endpoint') ||
        changed.has('tokenStorage') ||
        changed.has('timeoutMs'))
    ) {
      this.#applyConfiguration();
    }
    const status = this.auth.state.status;
    if (this.getAttribute('state') !== status) this.setAttribute('state', status);
  }

  #applyConfiguration(): void {
    if (!this.userPoolId && !this.clientId && !this.endpoint) return;
    const storage =
      this.tokenStorage === 'local' || this.tokenStorage === 'session'
        ? this.tokenStorage
        : fallBack(this, 'token-storage', this.tokenStorage, 'local or session', 'local' as const);
    const timeoutMs =
      this.timeoutMs === undefined || (Number.isFinite(this.timeoutMs) && this.timeoutMs >= 100)
        ? this.timeoutMs
        : fallBack(
            this,
            'timeout-ms',
            this.getAttribute('timeout-ms') ?? this.timeoutMs,
            'milliseconds, at least 100',
            undefined,
            'the default, 15000',
          );
    this.auth.store.configure(
      // `local` is also the default: passed only when asked for, so that an app's own Amplify storage choice stays.
      {
        userPoolId: this.userPoolId,
        userPoolClientId: this.clientId,
        userPoolEndpoint: this.endpoint || undefined,
        storage: storage === 'local' && !this.hasAttribute('token-storage') ? undefined : storage,
        timeoutMs,
      },
      { origin: this },
    );
  }

  /**
   * The configuration problem, as a message (and once per page and problem, in English, in the console: a
   * developer's typo must be findable even where the page hides the element).
   */
  protected configMessage(): string | undefined {
    const problem = this.auth.state.configProblem;
    if (!problem) return undefined;
    const params = { value: problem.value ?? '' };
    const key = `${problem.code}:${problem.value ?? ''}`;
    if (!reported.has(key)) {
      reported.add(key);
      console.error(`cognito-elements: ${translate('en', `config.${problem.code}`, params)}`);
    }
    return this.t(`config.${problem.code}`, params);
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
