import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { addStrings, langOf } from '../i18n/index.js';
import { afterPaint, CognitoElement, failureMessage, type Message } from '../internal/cognito-element.js';
import { customElement } from '../internal/custom-element.js';
import { sessionStyles } from './cognito-session.styles.js';
import type { AuthStatus, AuthTokens } from '../store/index.js';
import { sessionStrings } from '../i18n/strings/session.js';

addStrings(sessionStrings);

/**
 * @summary The signed-in view: who is signed in, a sign-out button, and an auth gate for page content.
 *
 * Slotted content shows only in its state: `signed-in` content while signed in, `signed-out` content otherwise
 * (nothing else is shown when signed out). With `show-token`, a `<details>` shows the ID token, its decoded
 * claims and its expiry; tokens are never in the DOM without it. A configuration problem (a typo in
 * `user-pool-id`, no configuration at all) is shown here above the `signed-out` content, whatever the nesting.
 * After a sign-in made on this page, focus moves to the "Signed in as …" line, so the next Tab is "Sign out".
 *
 * @slot signed-in - Shown only while signed in.
 * @slot signed-out - Shown only while signed out (or while a new password is still required).
 *
 * @event cognito-signed-out - The user signed out with this element's button. `detail: { reason: 'user' | 'global' }`.
 * @event cognito-auth-change - The auth status changed because of this element. `detail: { status, user }`.
 * @event cognito-error - A global sign-out did not go through (this browser stays signed in, the message is shown). `detail: { name, message, action: 'signOut' }`.
 *
 * @csspart config-error - What is wrong with the configuration (only while something is).
 * @csspart base - The signed-in box.
 * @csspart user - "Signed in as …".
 * @csspart sign-out-button - The sign-out button.
 * @csspart error - Why signing out on all devices failed (empty otherwise).
 * @csspart token - The `<details>` of the token view.
 * @csspart token-value - The raw ID token.
 * @csspart claims - The decoded claims.
 * @csspart expiry - The expiry line.
 *
 * @cssproperty --cognito-color-primary - Sign-out button border and text, focus ring.
 * @cssproperty --cognito-color-text - Text.
 * @cssproperty --cognito-color-muted - Secondary text.
 * @cssproperty --cognito-color-error - Error text.
 * @cssproperty --cognito-color-border - Borders.
 * @cssproperty --cognito-color-code-surface - Background of the token and claims.
 * @cssproperty --cognito-radius - Corner radius.
 * @cssproperty --cognito-font - Font shorthand (default: inherited).
 */
@customElement('cognito-session')
export class CognitoSession extends CognitoElement {
  static override styles = sessionStyles;

  /** Sign out on every device (Cognito GlobalSignOut), not only here. */
  @property({ type: Boolean, reflect: true }) global = false;

  /** Shows the ID token, its claims and expiry (the seed article's "ID トークンを見る"). Off by default. */
  @property({ attribute: 'show-token', type: Boolean, reflect: true }) showToken = false;

  @state() private busy = false;
  @state() private tokens: AuthTokens | null = null;
  /** Why the last global sign-out failed. */
  @state() private failure: Message | null = null;

  @query('[part~="user"]') private userLine!: HTMLElement | null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const signedIn = this.auth.state.status === 'signedIn';
    if (!signedIn) this.failure = null;
    if (!signedIn || !this.showToken) {
      this.tokens = null;
    } else {
      // Read on every store change (sign-in, refresh): from storage, no request while the tokens are valid.
      void this.auth.store.peekTokens().then((tokens) => {
        // A read that resolves after a sign-out (or another user's sign-in) must not show those tokens.
        if (
          this.auth.state.status !== 'signedIn' ||
          !this.showToken ||
          tokens?.idTokenClaims['sub'] !== this.auth.state.user.userId
        )
          return;
        if (tokens.idToken !== this.tokens?.idToken) this.tokens = tokens;
      });
    }
  }

  override focusTargetFor(status: AuthStatus): HTMLElement | null {
    return status === 'signedIn' ? this.userLine : null;
  }

  async #onSignOut(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = null;
    await this.updateComplete;
    await afterPaint();
    try {
      await this.auth.store.signOut({ global: this.global, origin: this });
    } catch (error) {
      // Still signed in here (the store reported it as cognito-error): say so, and let the user try again.
      this.failure = failureMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status, user } = this.auth.state;
    const configMessage = this.configMessage();
    if (configMessage) {
      // Never a blank page for a setup mistake: a <cognito-login> in the slot leaves this message to us.
      return html`<p part="error config-error" role="alert">${configMessage}</p>
        <slot name="signed-out"></slot>`;
    }
    if (status === 'loading') return nothing;
    if (status !== 'signedIn') return html`<slot name="signed-out"></slot>`;
    const label = this.busy
      ? this.t('session.busy')
      : this.global
        ? this.t('session.signOutEverywhere')
        : this.t('session.signOut');
    return html`
      <div part="base">
        <p part="user" tabindex="-1">${this.t('session.signedInAs', { email: user?.email ?? user?.username ?? '' })}</p>
        <button
          part="sign-out-button"
          type="button"
          ?disabled=${this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}
          @click=${this.#onSignOut}
        >
          ${label}
        </button>
        <p part="error" role="alert" ?data-empty=${!this.failure}>
          ${this.failure ? this.t('session.globalSignOutFailed', { reason: this.t(this.failure.key, this.failure.params) }) : ''}
        </p>
        ${this.showToken && this.tokens ? this.#renderToken(this.tokens) : nothing}
      </div>
      <slot name="signed-in"></slot>
    `;
  }

  #renderToken(tokens: AuthTokens): TemplateResult {
    const lang = langOf(this);
    const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(tokens.expiresAt);
    const expired = tokens.expiresAt.getTime() <= Date.now();
    return html`
      <details part="token">
        <summary>${this.t('session.showToken')}</summary>
        <p class="note">${this.t('session.tokenWarning')}</p>
        <p part="expiry">${this.t(expired ? 'session.expired' : 'session.expires', { time })}</p>
        <p class="label">${this.t('session.token')}</p>
        <pre part="token-value">${tokens.idToken}</pre>
        <p class="label">${this.t('session.claims')}</p>
        <pre part="claims">${JSON.stringify(tokens.idTokenClaims, null, 2)}</pre>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-session': CognitoSession;
  }
}
