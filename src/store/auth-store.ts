/**
 * The auth store: one per page, shared by every element. It holds the auth state, runs the actions through
 * Amplify, follows Amplify's Hub (other tabs, refresh, expiry), and turns every change of state into exactly one
 * DOM event per fact: on the element that caused it, else on `document`.
 *
 * Nothing happens at import time: the store is made by the first `getAuthStore()` and starts (Hub, restore) once
 * it has a configuration: from `configure()`, an element's attributes, or an app's own `Amplify.configure`.
 */
import {
  CognitoAuthChangeEvent,
  CognitoErrorEvent,
  CognitoNextStepEvent,
  CognitoSignedInEvent,
  CognitoSignedOutEvent,
  type AuthAction,
  type SignedInReason,
  type SignedOutReason,
} from '../events.js';
import * as amplify from './amplify.js';
import { configProblem, describeConfigProblem, sameConfig, validTimeout } from './config.js';
import { CognitoAuthError, configKey, isSessionEnded, toAuthError, withDeadline } from './errors.js';
import { whenPageScriptsHaveRun } from './page.js';
import type { MessageKey } from '../i18n/types.js';
import type { AuthFlow, AuthState, AuthTokens, AuthUser, CognitoConfig, ConfigProblem } from './types.js';

type Listener = (state: AuthState) => void;

export interface ActionOptions {
  /** The element the action comes from: its events are dispatched on it. Default: `document`. */
  readonly origin?: EventTarget | undefined;
}

export interface SignInOptions extends ActionOptions {
  /** Overrides the configured flow for this sign-in. */
  readonly authFlow?: AuthFlow | undefined;
}

/** What a sign-in led to. */
export interface SignInResult {
  readonly status: AuthState['status'];
  /** Amplify's signInStep: `DONE`, `CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED`, `CONFIRM_SIGN_UP`, … */
  readonly step: string;
}

const NEW_PASSWORD_STEP = 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED';
/** The deadline of every network action unless configured (`timeoutMs`). */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How long a local sign-out waits for RevokeToken before it clears this browser anyway. */
const REVOKE_GRACE_MS = 2_000;
/** A refresh that failed for a transient reason is retried after 5 s, 10 s, 20 s, … up to 5 min (± 20 %). */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 300_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

function userFromClaims(claims: Readonly<Record<string, unknown>>): AuthUser {
  return {
    username: String(claims['cognito:username'] ?? claims['sub'] ?? ''),
    userId: String(claims['sub'] ?? ''),
    email: typeof claims['email'] === 'string' ? claims['email'] : undefined,
  };
}

const sameUser = (a: AuthUser | null, b: AuthUser | null) => a?.userId === b?.userId && a?.email === b?.email;

export class AuthStore {
  #current: AuthState = { status: 'loading', user: null, pending: null, configProblem: null, notice: null };
  readonly #listeners = new Set<Listener>();
  #config: CognitoConfig | undefined;
  #started = false;
  #disposed = false;
  #stopHub: (() => void) | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #missingTimer: ReturnType<typeof setTimeout> | undefined;
  /** > 0 while this store drives Amplify: Hub's same-tab echo of our own action is then ignored. */
  #acting = 0;
  #warnedConflict = false;
  #timeoutMs = DEFAULT_TIMEOUT_MS;
  /** Transient refresh failures in a row: the backoff of the next retry. */
  #refreshFailures = 0;
  /** True while the scheduler's own refresh runs (its failure is handled there, not by the Hub follower). */
  #refreshing = false;
  readonly #onOnline = (): void => {
    if (this.#refreshFailures > 0 && this.#current.status === 'signedIn') void this.#refreshNow();
  };
  readonly #newPasswordHosts: { element: Element; embedded: boolean }[] = [];

  get state(): AuthState {
    return this.#current;
  }

  /** The configuration in use, once there is one. */
  get configuration(): CognitoConfig | undefined {
    return this.#config;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---------------------------------------------------------------------------------------------- configuration

  /**
   * Sets the user pool. The first configuration wins: a different one later warns once and raises
   * `cognito-error`; an app's own earlier `Amplify.configure(...)` counts as the first.
   * Returns whether this configuration is the one in use.
   */
  configure(config: CognitoConfig, options: ActionOptions = {}): boolean {
    const problem = configProblem(config);
    if (problem) {
      // A broken second configuration must not take down a working first one: report it, keep going.
      if (this.#config) {
        this.#emitWhenPageReady([this.#configErrorEvent(problem)], options.origin);
      } else {
        this.#setConfigProblem(problem, options.origin);
      }
      return false;
    }
    if (config.timeoutMs !== undefined) {
      const timeout = validTimeout(config.timeoutMs);
      if (timeout === undefined) console.warn(`cognito-elements: timeoutMs ${String(config.timeoutMs)} is not a usable deadline (100–600000 ms); ${this.#timeoutMs} ms stays in use.`);
      else this.#timeoutMs = timeout;
    }
    const wanted: CognitoConfig = { ...config, userPoolId: config.userPoolId.trim(), userPoolClientId: config.userPoolClientId.trim() };
    const inUse = this.#config ?? amplify.existingConfig();
    if (inUse && !sameConfig(inUse, wanted)) {
      this.#config ??= inUse;
      this.#conflict(inUse, wanted, options.origin);
    } else if (!this.#config) {
      if (inUse) {
        amplify.useStorage(wanted.storage ?? 'local'); // the app configured Amplify; only the storage is ours to set
      } else {
        amplify.configure(wanted);
      }
      this.#config = wanted;
    }
    if (this.#current.configProblem) this.#patch({ configProblem: null });
    // Configured: resolve the session now, so that a page can gate on the state before any element exists.
    this.#start();
    return sameConfig(this.#config!, wanted);
  }

  #conflict(inUse: CognitoConfig, ignored: CognitoConfig, origin: EventTarget | undefined): void {
    const message = `cognito-elements: a second, different Cognito configuration (${ignored.userPoolId} / ${ignored.userPoolClientId}) was ignored; ${inUse.userPoolId} / ${inUse.userPoolClientId} stays in use.`;
    if (!this.#warnedConflict) {
      this.#warnedConflict = true;
      console.warn(message);
    }
    this.#emit(new CognitoErrorEvent({ name: 'ConfigurationConflict', message, action: 'configure' }), origin);
  }

  /**
   * No usable configuration: the elements show what is wrong (state `configProblem`; they also say it in the
   * console), and the store leaves `loading` for `signedOut`, so that no element waits for a session that cannot
   * come.
   */
  #setConfigProblem(problem: ConfigProblem, origin: EventTarget | undefined): void {
    const leavesLoading = this.#current.status === 'loading';
    this.#patch(leavesLoading ? { configProblem: problem, status: 'signedOut', user: null, pending: null } : { configProblem: problem });
    const events: Event[] = [this.#configErrorEvent(problem)];
    if (leavesLoading) events.push(new CognitoAuthChangeEvent({ status: 'signedOut', user: null }));
    this.#emitWhenPageReady(events, origin);
  }

  #configErrorEvent(problem: ConfigProblem): CognitoErrorEvent {
    return new CognitoErrorEvent({ name: 'ConfigurationError', message: describeConfigProblem(problem), action: 'configure' });
  }

  /**
   * A configuration is usually checked while the bundle is still loading, before the page's own scripts (which
   * come after it) could listen: its events wait until those scripts have run. State changes at once.
   */
  #emitWhenPageReady(events: readonly Event[], origin: EventTarget | undefined): void {
    whenPageScriptsHaveRun(() => {
      for (const event of events) this.#emit(event, origin);
    });
  }

  // ----------------------------------------------------------------------------------------------- elements

  /** An element connected: start once there is a configuration, or say that there is none. */
  attach(): void {
    if (this.#config) {
      this.#start();
      return;
    }
    const existing = amplify.existingConfig();
    if (existing) {
      this.configure(existing);
      return;
    }
    this.#checkForMissingConfig();
  }

  /**
   * No configuration yet: give scripts that run later in the page a chance (the rest of the document and one
   * task), then show the elements what is missing. A later configure() still clears it.
   */
  #checkForMissingConfig(): void {
    if (this.#missingTimer !== undefined || this.#current.configProblem) return;
    this.#missingTimer = setTimeout(() => {
      whenPageScriptsHaveRun(() => {
        this.#missingTimer = undefined;
        if (!this.#config && !this.#current.configProblem && !this.#disposed) {
          const existing = amplify.existingConfig();
          if (existing) this.configure(existing);
          else this.#setConfigProblem({ code: 'missing' }, undefined);
        }
      });
    }, 0);
  }

  /** Elements of `<cognito-new-password>`: the page's own take the challenge before the one inside a login. */
  registerNewPassword(element: Element, embedded: boolean): void {
    this.#newPasswordHosts.push({ element, embedded });
    this.#notifySoon();
  }

  unregisterNewPassword(element: Element): void {
    const index = this.#newPasswordHosts.findIndex((h) => h.element === element);
    if (index >= 0) this.#newPasswordHosts.splice(index, 1);
    this.#notifySoon();
  }

  /** Elements (un)register while another renders them: tell everyone after that render, not during it. */
  #notifySoon(): void {
    queueMicrotask(() => this.#notify());
  }

  /** The one `<cognito-new-password>` that shows the challenge: never two forms for one challenge. */
  get newPasswordOwner(): Element | undefined {
    return (this.#newPasswordHosts.find((h) => !h.embedded) ?? this.#newPasswordHosts[0])?.element;
  }

  /** Whether the page has a `<cognito-new-password>` of its own (so a login need not embed one). */
  get pageHasNewPassword(): boolean {
    return this.#newPasswordHosts.some((h) => !h.embedded);
  }

  // -------------------------------------------------------------------------------------------------- start

  #start(): void {
    if (this.#started || this.#disposed || !this.#config) return;
    this.#started = true;
    this.#stopHub = amplify.listen((event, crossTab, error) => void this.#onHub(event, crossTab, error));
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
    void this.#restore();
  }

  /**
   * The session already in storage: no request while its tokens are valid. Expired tokens that cannot be
   * refreshed right now (no network, no answer, a service error) keep the session, as Amplify keeps the tokens:
   * no silent sign-out, and a retry later. Only a session that has definitely ended restores as signed out.
   */
  async #restore(): Promise<void> {
    const before = this.#current.status; // `loading`, or `signedOut` after a configuration problem was mended
    let tokens: AuthTokens | undefined;
    let keptClaims: Record<string, unknown> | undefined;
    try {
      tokens = await this.#deadline(amplify.currentTokens());
    } catch (error) {
      if (isSessionEnded(error)) await amplify.clearLocalSession().catch(() => undefined);
      else keptClaims = await amplify.storedIdTokenClaims();
      this.#emit(this.#errorEvent(toAuthError(error), 'restore'), undefined);
    }
    if (this.#disposed || this.#current.status !== before) return;
    if (tokens) {
      this.#patch({ status: 'signedIn', user: userFromClaims(tokens.idTokenClaims), pending: null });
      this.#scheduleRefresh(tokens);
    } else if (keptClaims) {
      this.#patch({ status: 'signedIn', user: userFromClaims(keptClaims), pending: null });
      this.#scheduleRetry();
    } else {
      this.#patch({ status: 'signedOut', user: null, pending: null });
    }
    if (this.#current.status !== before) this.#emit(new CognitoAuthChangeEvent({ status: this.#current.status, user: this.#current.user }), undefined);
  }

  /** Every network action: a deadline, after which it fails with `TimeoutError` and the element is usable again. */
  #deadline<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, this.#timeoutMs);
  }

  // ------------------------------------------------------------------------------------------------ actions

  /** Signs in with email and password (SRP unless the flow is `password`). Rejects with a CognitoAuthError. */
  async signIn(email: string, password: string, options: SignInOptions = {}): Promise<SignInResult> {
    const { origin } = options;
    this.#assertConfigured('signIn', origin);
    if (this.#current.notice) this.#patch({ notice: null });
    this.#acting++;
    try {
      // An abandoned sign-in that Cognito completes after its deadline still stores tokens: the Hub follower then
      // shows the user signed in (reason `sign-in`), which is the truth.
      const step = await this.#deadline(amplify.signInWithPassword(email.trim(), password, options.authFlow ?? this.#config?.authFlow ?? 'srp'));
      if (step.done) {
        await this.#enterSignedIn('sign-in', origin);
      } else if (step.step === NEW_PASSWORD_STEP) {
        this.#patch({ status: 'newPasswordRequired', user: null, pending: { step: NEW_PASSWORD_STEP, email: email.trim(), missingAttributes: step.missingAttributes } });
        this.#emit(new CognitoNextStepEvent({ step: step.step }), origin);
        this.#emit(new CognitoAuthChangeEvent({ status: 'newPasswordRequired', user: null }), origin);
      } else {
        this.#emit(new CognitoNextStepEvent({ step: step.step }), origin);
      }
      return { status: this.#current.status, step: step.step };
    } catch (error) {
      throw this.#fail(error, 'signIn', origin);
    } finally {
      this.#acting--;
    }
  }

  /** Answers the first-login challenge with a new password (and any attributes Cognito asked for). */
  async completeNewPassword(password: string, attributes: Readonly<Record<string, string>> = {}, options: ActionOptions = {}): Promise<SignInResult> {
    const { origin } = options;
    if (this.#current.status !== 'newPasswordRequired') {
      throw this.#fail(new CognitoAuthError('NoChallenge', 'No new-password challenge is waiting', 'error.generic'), 'completeNewPassword', origin);
    }
    this.#acting++;
    try {
      const step = await this.#deadline(amplify.completeNewPassword(password, attributes));
      if (step.done) await this.#enterSignedIn('new-password', origin);
      else this.#emit(new CognitoNextStepEvent({ step: step.step }), origin);
      return { status: this.#current.status, step: step.step };
    } catch (error) {
      const failure = this.#fail(error, 'completeNewPassword', origin);
      // The challenge lasts three minutes and answers once: after that, the user must sign in again.
      if (failure.key === 'error.sessionExpired') this.#leaveChallenge(origin, failure.key);
      throw failure;
    } finally {
      this.#acting--;
    }
  }

  /** Abandons the new-password challenge and goes back to signed out. */
  cancelNewPassword(options: ActionOptions = {}): void {
    if (this.#current.status === 'newPasswordRequired') this.#leaveChallenge(options.origin);
  }

  #leaveChallenge(origin: EventTarget | undefined, notice: MessageKey | null = null): void {
    this.#patch({ status: 'signedOut', user: null, pending: null, notice });
    this.#emit(new CognitoAuthChangeEvent({ status: 'signedOut', user: null }), origin);
  }

  /**
   * Signs out here (revoking this sign-in's refresh token), or everywhere with `global`. Signing out here does not
   * depend on the network: this browser is cleared within a couple of seconds whatever RevokeToken does. A global
   * sign-out that Cognito did not confirm (no network, no answer, a service error, an answer that is not Cognito's)
   * rejects with a CognitoAuthError and leaves this browser signed in, so that the user can try again: never a
   * silent "signed out" while other devices stay signed in. An access token already revoked means this session
   * has ended anyway: then it signs out here.
   */
  async signOut(options: ActionOptions & { readonly global?: boolean } = {}): Promise<void> {
    const { origin } = options;
    if (this.#current.status !== 'signedIn') return;
    this.#acting++;
    try {
      if (options.global) {
        await this.#deadline(amplify.globalSignOut(this.#timeoutMs)).catch((error: unknown) => this.#unlessSessionEnded(error));
        // GlobalSignOut has ended every refresh token: nothing is left to revoke.
        await amplify.signOutHere({ revoke: false, timeoutMs: this.#timeoutMs, graceMs: 0 });
      } else {
        await amplify.signOutHere({ revoke: true, timeoutMs: this.#timeoutMs, graceMs: REVOKE_GRACE_MS });
      }
    } catch (error) {
      throw this.#fail(error, 'signOut', origin);
    } finally {
      this.#acting--;
    }
    this.#enterSignedOut(options.global ? 'global' : 'user', origin);
  }

  /** Rethrows `error` unless it says that the session is already over (revoked or expired tokens). */
  #unlessSessionEnded(error: unknown): void {
    if (toAuthError(error).name !== 'NotAuthorizedException') throw error;
  }

  /** The current tokens, refreshed first when they have expired (or when forced). Rejects when signed out. */
  async getTokens(options: ActionOptions & { readonly forceRefresh?: boolean } = {}): Promise<AuthTokens> {
    try {
      return await this.#tokens(options.forceRefresh === true);
    } catch (error) {
      throw this.#fail(error, 'getTokens', options.origin);
    }
  }

  async #tokens(forceRefresh: boolean): Promise<AuthTokens> {
    const problem = this.#current.configProblem ?? (this.#config ? undefined : { code: 'missing' as const });
    if (problem) throw new CognitoAuthError('ConfigurationError', `Not configured: ${problem.code}`, configKey(problem), problem);
    const tokens = await this.#deadline(amplify.currentTokens(forceRefresh));
    if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Not signed in', 'error.notSignedIn');
    return tokens;
  }

  /** The current tokens for a view of them (no event on failure: a view is not an action); undefined when none. */
  async peekTokens(): Promise<AuthTokens | undefined> {
    if (!this.#config || this.#current.status !== 'signedIn') return undefined;
    return this.#deadline(amplify.currentTokens()).catch(() => undefined);
  }

  /**
   * `fetch` with `Authorization: Bearer <ID token>` (or the access token), refreshing an expired token first.
   * Rejects with a CognitoAuthError (`NotSignedIn`) when signed out; a response is returned as is. The request has
   * the store's deadline (`TimeoutError`) unless the caller gives its own `signal`.
   */
  async authFetch(input: RequestInfo | URL, init: RequestInit = {}, options: ActionOptions & { readonly token?: 'id' | 'access' } = {}): Promise<Response> {
    let tokens: AuthTokens;
    try {
      tokens = await this.#tokens(false);
    } catch (error) {
      throw this.#fail(error, 'authFetch', options.origin);
    }
    warnIfInsecure(input);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('Authorization', `Bearer ${options.token === 'access' ? tokens.accessToken : tokens.idToken}`);
    if (init.signal) return fetch(input, { ...init, headers });
    const deadline = AbortSignal.timeout(this.#timeoutMs);
    // A Request's own signal still counts.
    const signal = input instanceof Request && AbortSignal.any ? AbortSignal.any([input.signal, deadline]) : deadline;
    try {
      return await fetch(input, { ...init, headers, signal });
    } catch (error) {
      if (deadline.aborted) {
        throw this.#fail(new CognitoAuthError('TimeoutError', `No answer within ${this.#timeoutMs} ms`, 'error.timeout'), 'authFetch', options.origin);
      }
      throw error;
    }
  }

  // ------------------------------------------------------------------------------------- transitions, events

  async #enterSignedIn(reason: SignedInReason, origin: EventTarget | undefined): Promise<void> {
    const tokens = await this.#deadline(amplify.currentTokens());
    if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Signed in, but no tokens were stored', 'error.generic');
    const user = userFromClaims(tokens.idTokenClaims);
    this.#patch({ status: 'signedIn', user, pending: null });
    this.#scheduleRefresh(tokens);
    this.#emit(new CognitoSignedInEvent({ user, reason }), origin);
    this.#emit(new CognitoAuthChangeEvent({ status: 'signedIn', user }), origin);
  }

  #enterSignedOut(reason: SignedOutReason, origin: EventTarget | undefined): void {
    this.#clearRefresh();
    this.#refreshFailures = 0;
    const wasSignedIn = this.#current.status === 'signedIn';
    if (this.#current.status === 'signedOut') return;
    this.#patch({ status: 'signedOut', user: null, pending: null });
    if (wasSignedIn) this.#emit(new CognitoSignedOutEvent({ reason }), origin);
    this.#emit(new CognitoAuthChangeEvent({ status: 'signedOut', user: null }), origin);
  }

  async #onHub(event: string, crossTab: boolean, error: unknown): Promise<void> {
    if (this.#disposed || this.#current.status === 'loading') return;
    // Our own actions report themselves; Hub's echo of them in this tab is ignored.
    if (!crossTab && this.#acting > 0 && (event === 'signedIn' || event === 'signedOut')) return;
    switch (event) {
      case 'signedIn':
        await this.#followSignIn(crossTab ? 'other-tab' : 'sign-in');
        break;
      case 'signedOut':
        if (this.#current.status === 'signedIn') this.#enterSignedOut(crossTab ? 'other-tab' : 'user', undefined);
        break;
      case 'tokenRefresh':
        if (this.#current.status === 'signedIn') await this.#refreshed();
        break;
      case 'tokenRefresh_failure':
        // A refresh made for getTokens()/authFetch(): that call reports its own failure; the scheduler's own
        // refresh is handled in #refreshNow. Here: end a session that has ended, else retry with backoff.
        if (this.#current.status !== 'signedIn' || this.#refreshing) break;
        if (isSessionEnded(error)) await this.#sessionEnded();
        else this.#scheduleRetry();
        break;
    }
  }

  /** A sign-in this store did not make: another tab's, or an app's own Amplify call. */
  async #followSignIn(reason: SignedInReason): Promise<void> {
    // Another tab writes its tokens one key at a time: wait briefly until all are there.
    let tokens: AuthTokens | undefined;
    for (let attempt = 0; attempt < 10 && !tokens; attempt++) {
      tokens = await this.#deadline(amplify.currentTokens()).catch(() => undefined);
      if (!tokens) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!tokens || this.#disposed) return;
    const user = userFromClaims(tokens.idTokenClaims);
    if (this.#current.status === 'signedIn' && sameUser(this.#current.user, user)) {
      this.#scheduleRefresh(tokens);
      return;
    }
    this.#patch({ status: 'signedIn', user, pending: null });
    this.#scheduleRefresh(tokens);
    this.#emit(new CognitoSignedInEvent({ user, reason }), undefined);
    this.#emit(new CognitoAuthChangeEvent({ status: 'signedIn', user }), undefined);
  }

  async #refreshed(): Promise<void> {
    const tokens = await amplify.storedTokens().catch(() => undefined);
    if (!tokens) return;
    const user = userFromClaims(tokens.idTokenClaims);
    // Notify even when the user is the same: views of the token (<cognito-session show-token>) must follow.
    this.#patch(sameUser(this.#current.user, user) ? {} : { user });
    this.#scheduleRefresh(tokens);
  }

  /**
   * Refreshes shortly before the tokens expire, so a session that has ended (revoked, expired refresh token)
   * shows as signed out with reason `expired` without waiting for the next click, and API calls never wait.
   */
  #scheduleRefresh(tokens: AuthTokens): void {
    this.#clearRefresh();
    this.#refreshFailures = 0;
    const lifetime = tokens.expiresAt.getTime() - tokens.issuedAt.getTime();
    const margin = Math.min(60_000, Math.max(lifetime / 4, 0));
    const delay = Math.min(Math.max(tokens.expiresAt.getTime() - Date.now() - margin, 1000), MAX_TIMER_MS);
    this.#refreshTimer = setTimeout(() => void this.#refreshNow(), delay);
  }

  /**
   * Only a definite end of the session (see isSessionEnded) signs out, and then no token stays behind. Any other
   * failure (no network, no answer, 5xx, throttling, an answer that is not Cognito's) keeps the session — Amplify
   * keeps the tokens too, so a "signed out" screen would be a lie a reload undoes — and retries with backoff
   * (amplify-js#7864).
   */
  async #refreshNow(): Promise<void> {
    this.#clearRefresh();
    if (this.#current.status !== 'signedIn' || this.#disposed || this.#refreshing) return;
    this.#refreshing = true;
    try {
      const tokens = await this.#deadline(amplify.currentTokens(true));
      // No tokens: Amplify answered NotAuthorized with null, or another tab signed out and cleared them.
      if (tokens) this.#scheduleRefresh(tokens);
      else await this.#sessionEnded();
    } catch (error) {
      if (isSessionEnded(error)) {
        await this.#sessionEnded();
      } else if (this.#current.status === 'signedIn') {
        this.#emit(this.#errorEvent(toAuthError(error), 'refresh'), undefined);
        this.#scheduleRetry();
      }
    } finally {
      this.#refreshing = false;
    }
  }

  /** The session has ended for good: clear this browser (Amplify may not have yet), then signed out, `expired`. */
  async #sessionEnded(): Promise<void> {
    this.#clearRefresh();
    await amplify.clearLocalSession().catch(() => undefined);
    if (this.#current.status === 'signedIn') this.#enterSignedOut('expired', undefined);
  }

  #scheduleRetry(): void {
    this.#clearRefresh();
    const delay = Math.min(RETRY_FIRST_MS * 2 ** this.#refreshFailures, RETRY_MAX_MS) * (0.8 + Math.random() * 0.4);
    this.#refreshFailures++;
    this.#refreshTimer = setTimeout(() => void this.#refreshNow(), delay);
  }

  #clearRefresh(): void {
    if (this.#refreshTimer !== undefined) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = undefined;
  }

  #assertConfigured(action: AuthAction, origin: EventTarget | undefined): void {
    const problem = this.#current.configProblem ?? (this.#config ? undefined : { code: 'missing' as const });
    if (problem) throw this.#fail(new CognitoAuthError('ConfigurationError', `Not configured: ${problem.code}`, configKey(problem), problem), action, origin);
  }

  /** Reports a failed action (`cognito-error`) and returns the error to throw. */
  #fail(error: unknown, action: AuthAction, origin: EventTarget | undefined): CognitoAuthError {
    const failure = toAuthError(error);
    if (failure.configProblem && !this.#current.configProblem) this.#patch({ configProblem: failure.configProblem });
    this.#emit(this.#errorEvent(failure, action), origin);
    return failure;
  }

  #errorEvent(error: CognitoAuthError, action: AuthAction): CognitoErrorEvent {
    return new CognitoErrorEvent({ name: error.name, message: error.message, action });
  }

  #patch(changes: Partial<AuthState>): void {
    this.#current = { ...this.#current, ...changes };
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener(this.#current);
  }

  /** On the element that caused it while it is in the page, else on `document`. */
  #emit(event: Event, origin: EventTarget | undefined): void {
    if (this.#disposed || typeof document === 'undefined') return;
    const target = origin instanceof Node && origin.isConnected ? origin : document;
    target.dispatchEvent(event);
  }

  /** Stops following Amplify and forgets timers (for tests: see resetAuthStore). */
  dispose(): void {
    this.#disposed = true;
    this.#stopHub?.();
    this.#clearRefresh();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
    if (this.#missingTimer !== undefined) clearTimeout(this.#missingTimer);
    this.#listeners.clear();
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
let warnedInsecure = false;

/** A bearer token sent over plain http to another machine can be read on the way: say so, once. */
function warnIfInsecure(input: RequestInfo | URL): void {
  if (warnedInsecure || typeof location === 'undefined') return;
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    warnedInsecure = true;
    console.warn(`cognito-elements: authFetch is sending a token over plain http to ${url.host}; use https.`);
  }
}

let store: AuthStore | undefined;

/** The page's auth store (made on first use). */
export function getAuthStore(): AuthStore {
  store ??= new AuthStore();
  return store;
}

/**
 * For tests: drops the page's store and Amplify's configuration (tokens in storage stay). Elements connected
 * afterwards use a fresh store; reconnect existing ones.
 */
export function resetAuthStore(): void {
  store?.dispose();
  store = undefined;
  amplify.reset();
}
