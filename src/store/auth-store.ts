/**
 * The auth store: one per page, shared by every element. It holds the auth state, runs the actions through
 * Amplify (`amplify.ts`), and changes state only through `#transition`, which derives the DOM events from the
 * previous and next state (`machine.ts`): on the element that caused it, else on `document`. Its helpers, each in
 * its own module: which configuration is used (`configuration.ts`), when to refresh (`refresh-scheduler.ts`),
 * the request `authFetch` sends (`auth-fetch.ts`).
 *
 * Nothing happens at import time: the store is made by the first `getAuthStore()` and starts (Hub, restore) once
 * it has a configuration.
 */
import { CognitoErrorEvent, CognitoNextStepEvent, type AuthAction, type SignedInReason, type SignedOutReason } from '../events.js';
import * as amplify from './amplify.js';
import { fetchWithToken } from './auth-fetch.js';
import { describeConfigProblem } from './config.js';
import { Configuration } from './configuration.js';
import { CognitoAuthError, configKey, isSessionEnded, toAuthError, withDeadline } from './errors.js';
import { challenged, eventsOf, initialState, signedIn, signedOut, userFromClaims, type Cause } from './machine.js';
import { whenPageScriptsHaveRun } from './page.js';
import { SessionFollower } from './session-follower.js';
import type { AuthFlow, AuthState, AuthTokens, CognitoConfig, ConfigProblem, SignInStep, StoreNotice } from './types.js';

export { DEFAULT_TIMEOUT_MS } from './configuration.js';

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
  readonly step: SignInStep;
}

/** How long a local sign-out waits for RevokeToken before it clears this browser anyway. */
const REVOKE_GRACE_MS = 2_000;

export class AuthStore {
  #current: AuthState = initialState;
  readonly #listeners = new Set<Listener>();
  readonly #configuration = new Configuration();
  readonly #follower = ((store: AuthStore) =>
    new SessionFollower({
      get state() {
        return store.#current;
      },
      get acting() {
        return store.#acting > 0;
      },
      deadline: (work) => store.#deadline(work),
      transition: (next, cause) => store.#transition(next, cause, undefined),
      update: (next) => store.#set(next),
      signOutHere: (reason) => store.#enterSignedOut(reason, undefined),
      refreshFailed: (error) => store.#emit(store.#errorEvent(toAuthError(error), 'refresh'), undefined),
    }))(this);
  #started = false;
  #disposed = false;
  #missingTimer: ReturnType<typeof setTimeout> | undefined;
  /** > 0 while this store drives Amplify: Hub's same-tab echo of our own action is then ignored. */
  #acting = 0;

  get state(): AuthState {
    return this.#current;
  }

  /** The configuration in use, once there is one. */
  get configuration(): CognitoConfig | undefined {
    return this.#configuration.inUse;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---------------------------------------------------------------------------------------------- configuration

  /**
   * Sets the user pool (see configuration.ts: the first usable one wins). A malformed first one is a configuration
   * problem: the status leaves `loading`, the elements show it. Returns whether this configuration is in use.
   */
  configure(config: CognitoConfig, options: ActionOptions = {}): boolean {
    const offer = this.#configuration.offer(config);
    if (offer.kind === 'invalid') {
      if (offer.first) this.#setConfigProblem(offer.problem, options.origin);
      // A broken second configuration must not take down a working first one: report it, keep going.
      else this.#emitWhenPageReady([this.#configErrorEvent(offer.problem)], options.origin);
      return false;
    }
    if (offer.kind === 'conflict') this.#emitWhenPageReady([new CognitoErrorEvent({ name: 'ConfigurationConflict', message: offer.message, action: 'configure' })], options.origin);
    if (this.#current.configProblem) this.#set({ ...this.#current, configProblem: null });
    // Configured: resolve the session now, so that a page can gate on the state before any element exists.
    this.#start();
    return offer.kind === 'accepted';
  }

  /** No usable configuration: shown by the elements (state `configProblem`); `loading` becomes `signedOut`. */
  #setConfigProblem(problem: ConfigProblem, origin: EventTarget | undefined): void {
    const withProblem: AuthState = { ...this.#current, configProblem: problem };
    const next = withProblem.status === 'loading' ? signedOut(withProblem) : withProblem;
    this.#transition(next, {}, origin, { afterPageScripts: true, also: [this.#configErrorEvent(problem)] });
  }

  #configErrorEvent(problem: ConfigProblem): CognitoErrorEvent {
    return new CognitoErrorEvent({ name: 'ConfigurationError', message: describeConfigProblem(problem), action: 'configure' });
  }

  /**
   * A configuration is usually checked while the bundle is still loading, before the page's own scripts (which
   * come after it) could listen: its events wait until those scripts have run. State changes at once.
   */
  #emitWhenPageReady(events: readonly Event[], origin: EventTarget | undefined): void {
    whenPageScriptsHaveRun(() => events.forEach((event) => this.#emit(event, origin)));
  }

  /** An element connected: start once there is a configuration, or say that there is none. */
  attach(): void {
    if (this.configuration) return this.#start();
    const existing = amplify.existingConfig();
    if (existing) {
      this.configure(existing);
      return;
    }
    // Give scripts later in the page a chance (the rest of the document and one task); configure() still clears it.
    if (this.#missingTimer !== undefined || this.#current.configProblem) return;
    this.#missingTimer = setTimeout(() => {
      whenPageScriptsHaveRun(() => {
        if (this.configuration || this.#current.configProblem || this.#disposed) return;
        const found = amplify.existingConfig();
        if (found) this.configure(found);
        else this.#setConfigProblem({ code: 'missing' }, undefined);
      });
    }, 0);
  }

  // ---------------------------------------------------------------------------------------------- start, Hub

  #start(): void {
    if (this.#started || this.#disposed || !this.configuration) return;
    this.#started = true;
    this.#follower.start();
    void this.#restore();
  }

  /**
   * The session already in storage: no request while its tokens are valid. Expired tokens that cannot be
   * refreshed right now (no network, no answer, a service error) keep the session, as Amplify keeps the tokens:
   * no silent sign-out, and a retry later. Only a session that has definitely ended restores as signed out.
   */
  async #restore(): Promise<void> {
    const before = this.#current; // `loading`, or `signedOut` after a configuration problem was mended
    let tokens: AuthTokens | undefined;
    let keptClaims: Record<string, unknown> | undefined;
    try {
      tokens = await this.#deadline(amplify.currentTokens());
    } catch (error) {
      if (isSessionEnded(error)) await amplify.clearLocalSession().catch(() => undefined);
      // Who is signed in, from the tokens as stored (Amplify's loader: the configured storage), not refreshed.
      else keptClaims = (await amplify.storedTokens().catch(() => undefined))?.idTokenClaims;
      this.#emitWhenPageReady([this.#errorEvent(toAuthError(error), 'restore')], undefined);
    }
    if (this.#disposed || this.#current.status !== before.status) return;
    const claims = tokens?.idTokenClaims ?? keptClaims;
    // The first resolution on load: a page script after the bundle must hear it (it runs after this resolves).
    this.#transition(claims ? signedIn(this.#current, userFromClaims(claims)) : signedOut(this.#current), {}, undefined, { afterPageScripts: true });
    if (tokens) this.#follower.follow(tokens, false);
    else if (keptClaims) this.#follower.retry();
  }

  // ------------------------------------------------------------------------------------------------ actions

  /** Signs in with email and password (SRP unless the flow is `password`). Rejects with a CognitoAuthError. */
  async signIn(email: string, password: string, options: SignInOptions = {}): Promise<SignInResult> {
    const { origin } = options;
    const problem = this.#configError();
    if (problem) throw this.#fail(problem, 'signIn', origin);
    if (this.#current.notice) this.#set(signedOut(this.#current));
    return this.#acted('signIn', origin, async () => {
      // A sign-in that Cognito completes after its deadline still stores tokens: the Hub follower then shows the
      // user signed in (reason `sign-in`), which is the truth.
      const flow = options.authFlow ?? this.configuration?.authFlow ?? 'srp';
      const step = await this.#deadline(amplify.signInWithPassword(email.trim(), password, flow)).catch(async (error: unknown) => {
        // An earlier sign-in, abandoned at its deadline, completed meanwhile (its Hub echo was ignored while this
        // one ran): the user is signed in.
        if (toAuthError(error).name === 'UserAlreadyAuthenticatedException' && (await amplify.storedTokens())) return { done: true, step: 'DONE' as const, missingAttributes: [] };
        throw error;
      });
      if (step.done) return this.#enterSignedIn('sign-in', origin);
      this.#emit(new CognitoNextStepEvent({ step: step.step }), origin);
      if (step.step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
        const pending = { step: step.step, email: email.trim(), missingAttributes: step.missingAttributes };
        this.#transition(challenged(this.#current, pending), {}, origin);
      }
      return step.step;
    });
  }

  /** Answers the first-login challenge with a new password (and any attributes Cognito asked for). */
  async completeNewPassword(password: string, attributes: Readonly<Record<string, string>> = {}, options: ActionOptions = {}): Promise<SignInResult> {
    const { origin } = options;
    if (this.#current.status !== 'newPasswordRequired') {
      throw this.#fail(new CognitoAuthError('NoChallenge', 'No new-password challenge is waiting', 'error.generic'), 'completeNewPassword', origin);
    }
    return this.#acted('completeNewPassword', origin, async () => {
      const step = await this.#deadline(amplify.completeNewPassword(password, attributes));
      if (step.done) return this.#enterSignedIn('new-password', origin);
      this.#emit(new CognitoNextStepEvent({ step: step.step }), origin);
      return step.step;
    });
  }

  /** Abandons the new-password challenge and goes back to signed out. */
  cancelNewPassword(options: ActionOptions = {}): void {
    if (this.#current.status === 'newPasswordRequired') this.#transition(signedOut(this.#current), {}, options.origin);
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
    // No refresh may store new tokens while this browser is being cleared.
    this.#follower.stop();
    const timeoutMs = this.#configuration.timeoutMs;
    await this.#acted('signOut', origin, async () => {
      if (options.global) {
        await this.#deadline(amplify.globalSignOut(timeoutMs)).catch((error: unknown) => {
          if (toAuthError(error).name !== 'NotAuthorizedException') throw error;
        });
        // GlobalSignOut has ended every refresh token: nothing is left to revoke.
        await amplify.signOutHere({ revoke: false, timeoutMs, graceMs: 0 });
      } else {
        await amplify.signOutHere({ revoke: true, timeoutMs, graceMs: REVOKE_GRACE_MS });
      }
      return 'DONE';
    });
    this.#enterSignedOut(options.global ? 'global' : 'user', origin);
  }

  /** The current tokens, refreshed first when they have expired (or when forced). Rejects when signed out. */
  async getTokens(options: ActionOptions & { readonly forceRefresh?: boolean } = {}): Promise<AuthTokens> {
    try {
      return await this.#tokens(options.forceRefresh === true);
    } catch (error) {
      throw this.#fail(error, 'getTokens', options.origin);
    }
  }

  /** The current tokens for a view of them (no event on failure: a view is not an action); undefined when none. */
  async peekTokens(): Promise<AuthTokens | undefined> {
    if (!this.configuration || this.#current.status !== 'signedIn') return undefined;
    return this.#deadline(amplify.currentTokens()).catch(() => undefined);
  }

  /**
   * `fetch` with `Authorization: Bearer <ID token>` (or the access token), refreshing an expired token first.
   * Rejects with a CognitoAuthError (`NotSignedIn`) when signed out; a response is returned as is. The request has
   * the store's deadline (`TimeoutError`) unless the caller gives its own `signal`.
   */
  async authFetch(input: RequestInfo | URL, init: RequestInit = {}, options: ActionOptions & { readonly token?: 'id' | 'access' } = {}): Promise<Response> {
    try {
      const tokens = await this.#tokens(false);
      return await fetchWithToken(input, init, options.token === 'access' ? tokens.accessToken : tokens.idToken, this.#configuration.timeoutMs);
    } catch (error) {
      // The API's own failures (a network error reaching it) are the caller's: passed on as they are.
      if (!(error instanceof CognitoAuthError)) throw error;
      throw this.#fail(error, 'authFetch', options.origin);
    }
  }

  async #tokens(forceRefresh: boolean): Promise<AuthTokens> {
    const problem = this.#configError();
    if (problem) throw problem;
    const tokens = await this.#deadline(amplify.currentTokens(forceRefresh));
    if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Not signed in', 'error.notSignedIn');
    return tokens;
  }

  // ------------------------------------------------------------------------------------- transitions, events

  /** Runs an action that drives Amplify: Hub's echo ignored meanwhile, a failure reported once. */
  async #acted(action: AuthAction, origin: EventTarget | undefined, work: () => Promise<SignInStep>): Promise<SignInResult> {
    this.#acting++;
    try {
      const step = await work();
      return { status: this.#current.status, step };
    } catch (error) {
      const failure = this.#fail(error, action, origin);
      // A challenge lasts three minutes and answers once: after that, the user must sign in again.
      if (this.#current.status === 'newPasswordRequired' && failure.key === 'error.sessionExpired') {
        this.#transition(signedOut(this.#current, 'sessionExpired' satisfies StoreNotice), {}, origin);
      }
      throw failure;
    } finally {
      this.#acting--;
    }
  }

  async #enterSignedIn(reason: SignedInReason, origin: EventTarget | undefined): Promise<SignInStep> {
    const tokens = await this.#deadline(amplify.currentTokens());
    if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Signed in, but no tokens were stored', 'error.generic');
    this.#transition(signedIn(this.#current, userFromClaims(tokens.idTokenClaims)), { signedIn: reason }, origin);
    this.#follower.follow(tokens, true);
    return 'DONE';
  }

  #enterSignedOut(reason: SignedOutReason, origin: EventTarget | undefined): void {
    this.#follower.stop();
    if (this.#current.status !== 'signedOut') this.#transition(signedOut(this.#current), { signedOut: reason }, origin);
  }

  /**
   * The one way the state changes with events: they are derived from the previous and next state (machine.ts),
   * dispatched on `origin` (else `document`), optionally after the page's scripts have run, with `also` after them.
   */
  #transition(next: AuthState, cause: Cause, origin: EventTarget | undefined, options: { afterPageScripts?: boolean; also?: Event[] } = {}): void {
    const events = [...(options.also ?? []), ...eventsOf(this.#current, next, cause)];
    this.#set(next);
    if (options.afterPageScripts) this.#emitWhenPageReady(events, origin);
    else events.forEach((event) => this.#emit(event, origin));
  }

  /** A new state without events of its own (the same status: a refreshed token, a configuration problem mended). */
  #set(next: AuthState): void {
    this.#current = next;
    for (const listener of [...this.#listeners]) listener(this.#current);
  }

  /** Every network action: a deadline, after which it fails with `TimeoutError` and the element is usable again. */
  #deadline<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, this.#configuration.timeoutMs);
  }

  #configError(): CognitoAuthError | undefined {
    const problem = this.#current.configProblem ?? (this.configuration ? undefined : { code: 'missing' as const });
    return problem && new CognitoAuthError('ConfigurationError', `Not configured: ${problem.code}`, configKey(problem), problem);
  }

  /** Reports a failed action (`cognito-error`) and returns the error to throw. */
  #fail(error: unknown, action: AuthAction, origin: EventTarget | undefined): CognitoAuthError {
    const failure = toAuthError(error);
    if (failure.configProblem && !this.#current.configProblem) this.#set({ ...this.#current, configProblem: failure.configProblem });
    this.#emit(this.#errorEvent(failure, action), origin);
    return failure;
  }

  #errorEvent(error: CognitoAuthError, action: AuthAction): CognitoErrorEvent {
    return new CognitoErrorEvent({ name: error.name, message: error.message, action });
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
    this.#follower.dispose();
    if (this.#missingTimer !== undefined) clearTimeout(this.#missingTimer);
    this.#listeners.clear();
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
