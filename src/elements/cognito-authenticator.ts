import { css, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addStrings, langOf, type MessageKey } from '../i18n/index.js';
import { CognitoElement, fallBack } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import type { AuthStatus } from '../store/index.js';
import './cognito-forgot-password.js';
import './cognito-login.js';
import './cognito-session.js';
import './cognito-sign-up.js';
import { authenticatorStrings } from '../i18n/strings/authenticator.js';

addStrings(authenticatorStrings);

export type AuthenticatorScreen = 'sign-in' | 'sign-up' | 'forgot-password';
const SCREENS: readonly AuthenticatorScreen[] = ['sign-in', 'sign-up', 'forgot-password'];

/** The links of the screens, and the screen each leads to. */
const LINKS: Record<string, AuthenticatorScreen> = {
  'sign-in-link': 'sign-in',
  'sign-up-link': 'sign-up',
  'forgot-password-link': 'forgot-password',
};

const TITLES: Record<AuthenticatorScreen, MessageKey> = {
  'sign-in': 'authenticator.signIn',
  'sign-up': 'signUp.heading',
  'forgot-password': 'forgotPassword.heading',
};

/** Signed-in content: an element for the default slot, or text that is not blank. */
const isContent = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE
    ? !(node as Element).hasAttribute('slot')
    : node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '';

/**
 * @summary The whole email/password journey in one tag: sign in, create an account, forgot password, and every step in between; then the page's signed-in content.
 *
 * Signed out, it shows one screen at a time — `<cognito-login>`, `<cognito-sign-up>` or `<cognito-forgot-password>`
 * in its light DOM, so password managers see every input — and their links switch screens without a page load.
 * Each step (new password, the code of a new account, a password reset) continues inside the screen that led to it.
 * On each switch, focus moves to the new screen's first field and the screen's name is announced. Signed in, it
 * shows its children (the page's signed-in content), or, when it has none, who is signed in and a sign-out button.
 * Every event of the screens bubbles out of it.
 *
 * @slot - The signed-in content, shown only while signed in (when there is none: `<cognito-session>`).
 *
 * @event cognito-signed-in - A sign-in completed in one of its screens. `detail: { user, reason }`.
 * @event cognito-auth-change - The auth status changed because of it. `detail: { status, user }`.
 * @event cognito-error - An action failed. `detail: { name, message, action }`.
 *
 * @csspart screen - The box around the current screen (its elements have their own parts).
 *
 * @cssproperty --cognito-max-width - Maximum width of the screens (default 24rem).
 */
@customElement('cognito-authenticator')
export class CognitoAuthenticator extends CognitoElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .announce {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  /** The screen shown first: `sign-in` (default), `sign-up` or `forgot-password`. */
  @property({ attribute: 'initial-screen' }) initialScreen: AuthenticatorScreen = 'sign-in';

  /** No "Create an account" link (a pool where only administrators create users). */
  @property({ attribute: 'hide-sign-up', type: Boolean }) hideSignUp = false;

  /** The pool's password policy, for the checklists: see `<cognito-sign-up>`. */
  @property({ attribute: 'min-length', type: Number }) minLength = 8;
  @property() require = 'lowercase uppercase numbers symbols';

  /** More attributes the pool requires at sign-up: see `<cognito-sign-up>`. */
  @property() fields = '';

  /** The sign-in screen offers "Remember me" (see `<cognito-login>`). */
  @property({ attribute: 'remember-me', type: Boolean }) rememberMe = false;

  /** Seconds before "Send a new code" can be used again. */
  @property({ attribute: 'resend-cooldown', type: Number }) resendCooldown = 30;

  /** The issuer an authenticator app lists the account under, when MFA is set up at sign-in. Default: the host. */
  @property({ attribute: 'totp-issuer' }) totpIssuer = '';

  @state() private screen: AuthenticatorScreen | undefined;
  /** Whether the page gave signed-in content (from the default slot's nodes). */
  @state() private hasContent = false;
  /** What to announce after a switch (the new screen's name). */
  @state() private announcement = '';

  /** The light-DOM container of the screens (slotted, so its forms stay visible to password managers). */
  readonly #container = Object.assign(document.createElement('div'), { slot: 'screen' });
  /** A page (or a framework) that empties the element must not leave a blank sign-in. */
  readonly #children = new MutationObserver(() => this.#keepContainer());

  override connectedCallback(): void {
    super.connectedCallback();
    this.#container.setAttribute('part', 'screen');
    this.#keepContainer();
    this.#children.observe(this, { childList: true });
    // A first guess before the slot reports (no flash of the default view over the page's content).
    this.hasContent = [...this.childNodes].some((node) => node !== this.#container && isContent(node));
    this.addEventListener('click', this.#onClick);
  }

  /** The screens' container is ours: put back if the page emptied the element, never two (a clone's). */
  #keepContainer(): void {
    for (const other of this.querySelectorAll(':scope > [slot="screen"]'))
      if (other !== this.#container) other.remove();
    if (this.#container.parentNode === this) return;
    this.append(this.#container);
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children.disconnect();
    this.removeEventListener('click', this.#onClick);
  }

  get #current(): AuthenticatorScreen {
    if (this.screen) return this.screen;
    const wanted = SCREENS.includes(this.initialScreen)
      ? this.initialScreen
      : fallBack(this, 'initial-screen', this.initialScreen, SCREENS.join(', '), 'sign-in' as const);
    return wanted === 'sign-up' && this.hideSignUp ? 'sign-in' : wanted;
  }

  /** The screens' links switch screens here instead of following their href. */
  readonly #onClick = (event: MouseEvent): void => {
    const link = (event.target as Element | null)?.closest?.('a[part]');
    if (!link || !this.#container.contains(link)) return;
    const to = Object.entries(LINKS).find(([part]) => link.getAttribute('part')!.split(/\s+/).includes(part))?.[1];
    if (!to) return;
    event.preventDefault();
    this.switchTo(to);
  };

  /** Shows `screen`, moves focus to its first field and announces it. */
  switchTo(screen: AuthenticatorScreen): void {
    this.screen = screen === 'sign-up' && this.hideSignUp ? 'sign-in' : screen;
    this.announcement = this.t(TITLES[this.screen]);
    void this.updateComplete.then(async () => {
      const element = this.#container.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
      await element?.updateComplete;
      element?.querySelector<HTMLElement>('input:not([hidden])')?.focus();
    });
  }

  override focusTargetFor(_status: AuthStatus): HTMLElement | null {
    return null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Signed in: the next signed-out view starts at the first screen again, not where this journey ended.
    if (this.auth.state.status === 'signedIn') this.screen = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#keepContainer();
    render(this.#renderScreen(), this.#container, { host: this });
  }

  #onSlotChange(event: Event): void {
    const nodes = (event.target as HTMLSlotElement).assignedNodes();
    this.hasContent = nodes.some(isContent);
  }

  #renderScreen(): TemplateResult | typeof nothing {
    const { status } = this.auth.state;
    if (status === 'loading' || status === 'signedIn') return nothing;
    // The steps of a sign-in (a new password, MFA) belong to the sign-in screen, whichever screen led to it (a
    // confirmed sign-up or a reset signs in, and a pool that requires MFA then asks for it).
    const screen = status === 'newPasswordRequired' || status === 'mfa' ? 'sign-in' : this.#current;
    const cooldown = String(this.resendCooldown);
    switch (screen) {
      case 'sign-up':
        return html`<cognito-sign-up
          sign-in-href="#sign-in"
          min-length=${this.minLength}
          require=${this.require}
          fields=${this.fields}
          resend-cooldown=${cooldown}
        ></cognito-sign-up>`;
      case 'forgot-password':
        return html`<cognito-forgot-password
          sign-in-href="#sign-in"
          min-length=${this.minLength}
          require=${this.require}
          resend-cooldown=${cooldown}
        ></cognito-forgot-password>`;
      case 'sign-in':
        return html`<cognito-login
          forgot-password-href="#forgot-password"
          sign-up-href=${this.hideSignUp ? '' : '#sign-up'}
          ?remember-me=${this.rememberMe}
          min-length=${this.minLength}
          require=${this.require}
          resend-cooldown=${cooldown}
          totp-issuer=${this.totpIssuer}
        ></cognito-login>`;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status } = this.auth.state;
    const configMessage = this.configMessage();
    if (configMessage) return html`<p role="alert">${configMessage}</p>`;
    if (status === 'loading') return nothing;
    // The page's signed-in content, or (none given) who is signed in and a sign-out button.
    if (status === 'signedIn') {
      return html`<slot @slotchange=${this.#onSlotChange}></slot>
        ${this.hasContent ? nothing : html`<cognito-session lang=${langOf(this)}></cognito-session>`}`;
    }
    return html`<slot name="screen"></slot>
      <p class="announce" role="status">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-authenticator': CognitoAuthenticator;
  }
}
