/**
 * The auth store: one per page, shared by every element. Its parts, each in its own module:
 * - `store-core.ts`: the state and the one way it changes (`transition`, which derives the DOM events);
 * - `actions/`: what a page or an element asks for (sign in, answer a challenge, sign out, tokens), each a function
 *   of the core;
 * - `configuration.ts`: which configuration is used; `session-follower.ts`: Amplify's Hub and the scheduled refresh.
 * This file is the public face: it takes the configuration, resolves the stored session, and offers the actions.
 *
 * Nothing happens at import time: the store is made by the first `getAuthStore()` and starts (Hub, restore) once
 * it has a configuration.
 */
import { CognitoErrorEvent, type AuthAction } from '../events.js';
import { confirmResetPassword, resendResetCode, resetPassword } from './actions/password-reset.js';
import { confirmMfa } from './actions/mfa.js';
import { loadMfaSettings } from './actions/on-demand.js';
import { cancelStep, completeNewPassword, signIn, type ActionOptions, type SignInOptions } from './actions/sign-in.js';
import { signOut, type SignOutOptions } from './actions/sign-out.js';
import { confirmSignUp, resendSignUpCode, signUp, type SignUpOptions } from './actions/sign-up.js';
import { authFetch, getTokens, peekTokens, type AuthFetchOptions, type TokenOptions } from './actions/tokens.js';
import * as amplify from './amplify.js';
import { describeConfigProblem } from './config.js';
import { isSessionEnded, toAuthError } from './errors.js';
import { signedIn, signedOut, userFromClaims } from './machine.js';
import { whenPageScriptsHaveRun } from './page.js';
import { errorEvent, StoreCore, type SignInResult } from './store-core.js';
import type {
  AuthState,
  AuthTokens,
  CodeDelivery,
  CognitoConfig,
  ConfigProblem,
  MfaFactor,
  MfaFactorChange,
  MfaSettings,
  TotpSetup,
} from './types.js';

export { DEFAULT_TIMEOUT_MS } from './configuration.js';
export type {
  ActionOptions,
  AuthFetchOptions,
  SignInOptions,
  SignInResult,
  SignOutOptions,
  SignUpOptions,
  TokenOptions,
};

export class AuthStore {
  readonly #core = new StoreCore();
  #started = false;
  #missingTimer: ReturnType<typeof setTimeout> | undefined;

  get state(): AuthState {
    return this.#core.state;
  }

  /** The configuration in use, once there is one. */
  get configuration(): CognitoConfig | undefined {
    return this.#core.configuration.inUse;
  }

  /** The deadline of every network action, in milliseconds (configured `timeoutMs`, else the default). */
  get timeoutMs(): number {
    return this.#core.configuration.timeoutMs;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void {
    return this.#core.subscribe(listener);
  }

  // ---------------------------------------------------------------------------------------------- configuration

  /**
   * Sets the user pool (see configuration.ts: the first usable one wins). A malformed first one is a configuration
   * problem: the status leaves `loading`, the elements show it. Returns whether this configuration is in use.
   */
  configure(config: CognitoConfig, options: ActionOptions = {}): boolean {
    const core = this.#core;
    const offer = core.configuration.offer(config);
    if (offer.kind === 'invalid') {
      if (offer.first) this.#setConfigProblem(offer.problem, options.origin);
      // A broken second configuration must not take down a working first one: report it, keep going.
      else core.emitWhenPageReady([configErrorEvent(offer.problem)], options.origin);
      return false;
    }
    if (offer.kind === 'conflict') {
      const conflict = new CognitoErrorEvent({
        name: 'ConfigurationConflict',
        message: offer.message,
        action: 'configure',
      });
      core.emitWhenPageReady([conflict], options.origin);
    }
    if (core.state.configProblem) core.set({ ...core.state, configProblem: null });
    // Configured: resolve the session now, so that a page can gate on the state before any element exists.
    this.#start();
    return offer.kind === 'accepted';
  }

  /** No usable configuration: shown by the elements (state `configProblem`); `loading` becomes `signedOut`. */
  #setConfigProblem(problem: ConfigProblem, origin: EventTarget | undefined): void {
    const withProblem: AuthState = { ...this.#core.state, configProblem: problem };
    const next = withProblem.status === 'loading' ? signedOut(withProblem) : withProblem;
    this.#core.transition(next, {}, origin, { afterPageScripts: true, also: [configErrorEvent(problem)] });
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
    if (this.#missingTimer !== undefined || this.state.configProblem) return;
    this.#missingTimer = setTimeout(() => {
      whenPageScriptsHaveRun(() => {
        if (this.configuration || this.state.configProblem || this.#core.disposed) return;
        const found = amplify.existingConfig();
        if (found) this.configure(found);
        else this.#setConfigProblem({ code: 'missing' }, undefined);
      });
    }, 0);
  }

  // ---------------------------------------------------------------------------------------------- start, restore

  #start(): void {
    if (this.#started || this.#core.disposed || !this.configuration) return;
    this.#started = true;
    this.#core.follower.start();
    void this.#restore();
  }

  /**
   * The session already in storage: no request while its tokens are valid. Expired tokens that cannot be
   * refreshed right now (no network, no answer, a service error) keep the session, as Amplify keeps the tokens:
   * no silent sign-out, and a retry later. Only a session that has definitely ended restores as signed out.
   */
  async #restore(): Promise<void> {
    const core = this.#core;
    const before = core.state; // `loading`, or `signedOut` after a configuration problem was mended
    let tokens: AuthTokens | undefined;
    let keptClaims: Record<string, unknown> | undefined;
    try {
      tokens = await core.deadline(amplify.currentTokens());
    } catch (error) {
      if (isSessionEnded(error)) await amplify.clearLocalSession().catch(() => undefined);
      // Who is signed in, from the tokens as stored (Amplify's loader: the configured storage), not refreshed.
      else keptClaims = (await amplify.storedTokens().catch(() => undefined))?.idTokenClaims;
      core.emitWhenPageReady([errorEvent(toAuthError(error), 'restore')], undefined);
    }
    if (core.disposed || core.state.status !== before.status) return;
    const claims = tokens?.idTokenClaims ?? keptClaims;
    const next = claims ? signedIn(core.state, userFromClaims(claims)) : signedOut(core.state);
    // The first resolution on load: a page script after the bundle must hear it (it runs after this resolves).
    core.transition(next, {}, undefined, { afterPageScripts: true });
    if (tokens) core.follower.follow(tokens, false);
    else if (keptClaims) core.follower.retry();
  }

  // ------------------------------------------------------------------------------------------------ actions

  /** Signs in with email and password (SRP unless the flow is `password`). Rejects with a CognitoAuthError. */
  signIn(email: string, password: string, options?: SignInOptions): Promise<SignInResult> {
    return signIn(this.#core, email, password, options);
  }

  /** Answers the first-login challenge with a new password (and any attributes Cognito asked for). */
  completeNewPassword(
    password: string,
    attributes?: Readonly<Record<string, string>>,
    options?: ActionOptions,
  ): Promise<SignInResult> {
    return completeNewPassword(this.#core, password, attributes, options);
  }

  /**
   * Answers the MFA step that waits (status `mfa`): a code (a code step, or the first code of an authenticator app
   * being set up), a factor `TOTP` | `SMS` | `EMAIL` (a choice step), or the address email codes go to (email
   * setup). A wrong code leaves the step waiting; an expired challenge signs out with the notice `sessionExpired`.
   */
  confirmMfa(answer: string, options?: ActionOptions): Promise<SignInResult> {
    return confirmMfa(this.#core, answer, options);
  }

  /** Abandons the new-password challenge and goes back to signed out. */
  cancelNewPassword(options?: ActionOptions): void {
    if (this.state.status === 'newPasswordRequired') cancelStep(this.#core, options);
  }

  /** Abandons whichever step waits (Back): signed out again. */
  cancelStep(options?: ActionOptions): void {
    cancelStep(this.#core, options);
  }

  /** Creates an account; then the `confirmSignUp` step waits for its code (or, confirmed at once, signed in). */
  signUp(email: string, password: string, options?: SignUpOptions): Promise<SignInResult> {
    return signUp(this.#core, email, password, options);
  }

  /** Confirms the new account with its code and signs in with the password typed at sign-up (`sign-up`). */
  confirmSignUp(code: string, options?: ActionOptions): Promise<SignInResult> {
    return confirmSignUp(this.#core, code, options);
  }

  /** A new confirmation code; resolves with where it went (masked). */
  resendSignUpCode(options?: ActionOptions): Promise<CodeDelivery | null> {
    return resendSignUpCode(this.#core, options);
  }

  /** Sends a password-reset code; then the `resetPassword` step waits (the same for an email with no account). */
  resetPassword(email: string, options?: ActionOptions): Promise<SignInResult> {
    return resetPassword(this.#core, email, options);
  }

  /** A new password-reset code for the step that waits. */
  resendResetCode(options?: ActionOptions): Promise<CodeDelivery | null> {
    return resendResetCode(this.#core, options);
  }

  /** Sets the new password with the code, then signs in with it (`password-reset`). */
  confirmResetPassword(code: string, password: string, options?: ActionOptions): Promise<SignInResult> {
    return confirmResetPassword(this.#core, code, password, options);
  }

  /** Signs out here, or on every device with `global` (see actions/sign-out.ts for what each guarantees). */
  signOut(options?: SignOutOptions): Promise<void> {
    return signOut(this.#core, options);
  }

  // A signed-in user's MFA settings: their actions load on first use (actions/on-demand.ts), under the deadline of
  // every network action; a module that cannot load is reported like any failed action.

  #mfaSettings(action: AuthAction, options?: ActionOptions): ReturnType<typeof loadMfaSettings> {
    return this.#core.deadline(loadMfaSettings()).catch((error: unknown) => {
      throw this.#core.fail(error, action, options?.origin);
    });
  }

  /** The signed-in user's second factors: which are on, which is preferred. Rejects `NotSignedIn` when signed out. */
  getMfaSettings(options?: ActionOptions): Promise<MfaSettings> {
    return this.#mfaSettings('getMfaSettings', options).then((actions) => actions.getMfaSettings(this.#core, options));
  }

  /** Starts setting up an authenticator app for the signed-in user: its secret (nothing is on until verified). */
  startTotpSetup(options?: ActionOptions): Promise<TotpSetup> {
    return this.#mfaSettings('startTotpSetup', options).then((actions) => actions.startTotpSetup(this.#core, options));
  }

  /** The app's first code: verified, then the preferred factor (`cognito-mfa-change`). A wrong code can be retyped. */
  verifyTotpSetup(code: string, options?: ActionOptions): Promise<MfaSettings> {
    return this.#mfaSettings('verifyTotpSetup', options).then((actions) =>
      actions.verifyTotpSetup(this.#core, code, options),
    );
  }

  /** Turns a factor on, off, or makes it the preferred one (`cognito-mfa-change`); the others stay as they are. */
  setMfaFactor(factor: MfaFactor, change: MfaFactorChange, options?: ActionOptions): Promise<MfaSettings> {
    return this.#mfaSettings('setMfaFactor', options).then((actions) =>
      actions.setMfaFactor(this.#core, factor, change, options),
    );
  }

  /** The current tokens, refreshed first when they have expired (or when forced). Rejects when signed out. */
  getTokens(options?: TokenOptions): Promise<AuthTokens> {
    return getTokens(this.#core, options);
  }

  /** The current tokens for a view of them (no event on failure); undefined when none. */
  peekTokens(): Promise<AuthTokens | undefined> {
    return peekTokens(this.#core);
  }

  /** `fetch` with `Authorization: Bearer <ID token>` (or the access token); see actions/tokens.ts. */
  authFetch(input: RequestInfo | URL, init?: RequestInit, options?: AuthFetchOptions): Promise<Response> {
    return authFetch(this.#core, input, init, options);
  }

  /** Stops following Amplify and forgets timers (for tests: see resetAuthStore). */
  dispose(): void {
    this.#core.dispose();
    if (this.#missingTimer !== undefined) clearTimeout(this.#missingTimer);
  }
}

function configErrorEvent(problem: ConfigProblem): CognitoErrorEvent {
  return new CognitoErrorEvent({
    name: 'ConfigurationError',
    message: describeConfigProblem(problem),
    action: 'configure',
  });
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
