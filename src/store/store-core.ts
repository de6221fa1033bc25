/**
 * The store's core: the auth state and the one way it changes. `transition` derives the DOM events from the
 * previous and next state (machine.ts) and dispatches them on the element that caused the change, else on
 * `document`; `act` runs an action against Amplify with its failure reported once. The actions themselves live in
 * `actions/`, each a function of this core; `auth-store.ts` is the public face that ties them together.
 */
import {
  CognitoErrorEvent,
  CognitoNextStepEvent,
  type AuthAction,
  type SignedInReason,
  type SignedOutReason,
} from '../events.js';
import * as amplify from './amplify.js';
import { Configuration } from './configuration.js';
import { CognitoAuthError, toAuthError, withDeadline } from './errors.js';
import { challenged, eventsOf, initialState, signedIn, signedOut, userFromClaims, type Cause } from './machine.js';
import { whenPageScriptsHaveRun } from './page.js';
import { SessionFollower } from './session-follower.js';
import type { AuthState, JourneyStep, PendingStep, StoreNotice, TokenStorage } from './types.js';

type Listener = (state: AuthState) => void;
type KeyValueStorageInterfaceLike = ReturnType<typeof amplify.storageInUse>;

/** What an action led to. */
export interface SignInResult {
  readonly status: AuthState['status'];
  /** Amplify's step: `DONE`, `CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED`, `CONFIRM_SIGN_UP`, … */
  readonly step: JourneyStep;
}

interface TransitionOptions {
  /** Dispatch after the page's own scripts have run (a change while the bundle loads). */
  readonly afterPageScripts?: boolean;
  /** Events dispatched before the derived ones. */
  readonly also?: readonly Event[];
}

export class StoreCore {
  #current: AuthState = initialState;
  readonly #listeners = new Set<Listener>();
  /** > 0 while an action drives Amplify: Hub's same-tab echo of it is then ignored. */
  #acting = 0;
  #disposed = false;
  /** The storage in use before a sign-in chose its own ("remember me"), while that choice applies. */
  #storageBefore: KeyValueStorageInterfaceLike | undefined;
  /**
   * The password typed for a sign-up (or a sign-in of an unconfirmed account), kept in memory only while its
   * confirmation step waits, so that the confirmed account signs in without a second entry. Never in the state.
   */
  #held: { readonly password: string; readonly reason: SignedInReason } | null = null;
  /** The reason the sign-in that a waiting step (a new password, MFA) completes will have. */
  stepReason: SignedInReason = 'sign-in';
  readonly configuration = new Configuration();
  readonly follower: SessionFollower = ((core: StoreCore) =>
    new SessionFollower({
      get state() {
        return core.state;
      },
      get acting() {
        return core.#acting > 0;
      },
      deadline: (work) => core.deadline(work),
      transition: (next, cause) => core.transition(next, cause, undefined),
      update: (next) => core.set(next),
      signOutHere: (reason) => core.enterSignedOut(reason, undefined),
      refreshFailed: (error) => core.emit(errorEvent(toAuthError(error), 'refresh'), undefined),
    }))(this);

  get state(): AuthState {
    return this.#current;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The one way the state changes with events: they are derived from the previous and next state (machine.ts),
   * dispatched on `origin` (else `document`), optionally after the page's scripts have run, with `also` first.
   */
  transition(next: AuthState, cause: Cause, origin: EventTarget | undefined, options: TransitionOptions = {}): void {
    const events = [...(options.also ?? []), ...eventsOf(this.#current, next, cause)];
    this.set(next);
    if (options.afterPageScripts) this.emitWhenPageReady(events, origin);
    else events.forEach((event) => this.emit(event, origin));
  }

  /** A new state without events of its own (the same status: a refreshed token, a configuration problem mended). */
  set(next: AuthState): void {
    if (next.status !== 'confirmSignUp') this.#held = null;
    this.#current = next;
    for (const listener of [...this.#listeners]) listener(this.#current);
  }

  /** A step that waits for the user: `cognito-next-step`, then the step's state. */
  waitFor(
    pending: PendingStep,
    origin: EventTarget | undefined,
    hold?: { readonly password: string; readonly reason: SignedInReason },
  ): JourneyStep {
    this.emit(new CognitoNextStepEvent({ step: pending.step }), origin);
    // Held before the change: a listener of it that leaves the step at once must drop the password too.
    const next = challenged(this.#current, pending);
    this.#held = hold ?? null;
    this.transition(next, {}, origin);
    return pending.step;
  }

  /**
   * A sign-in that chose its own token storage ("remember me"): set before it, and back to the configured
   * storage once signed out, so that the next sign-in starts from the page's choice again.
   */
  useStorageForNextSignIn(storage: TokenStorage): void {
    this.#storageBefore ??= amplify.storageInUse();
    amplify.useStorage(storage);
  }

  /** The page's storage again, after a sign-in that chose its own ended (signed out, abandoned, failed). */
  restoreStorage(): void {
    if (this.#storageBefore) amplify.useStorage(this.#storageBefore);
    this.#storageBefore = undefined;
  }

  /** The password held for the confirmation step that waits now, and the reason its sign-in will have. */
  get held(): { readonly password: string; readonly reason: SignedInReason } | null {
    return this.#held;
  }

  /** On the element that caused it while it is in the page, else on `document`. */
  emit(event: Event, origin: EventTarget | undefined): void {
    if (this.#disposed || typeof document === 'undefined') return;
    const target = origin instanceof Node && origin.isConnected ? origin : document;
    target.dispatchEvent(event);
  }

  /**
   * Events of something that happens while the bundle is still loading, before the page's own scripts (which come
   * after it) could listen: they wait until those scripts have run. State changes at once.
   */
  emitWhenPageReady(events: readonly Event[], origin: EventTarget | undefined): void {
    whenPageScriptsHaveRun(() => events.forEach((event) => this.emit(event, origin)));
  }

  /** Every network action: a deadline, after which it fails with `TimeoutError` and the element is usable again. */
  deadline<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, this.configuration.timeoutMs);
  }

  /** Runs an action that drives Amplify: Hub's echo ignored meanwhile, a failure reported once and rethrown. */
  async act(
    action: AuthAction,
    origin: EventTarget | undefined,
    work: () => Promise<JourneyStep>,
  ): Promise<SignInResult> {
    this.#acting++;
    try {
      const step = await work();
      return { status: this.#current.status, step };
    } catch (error) {
      const failure = this.fail(error, action, origin);
      // A challenge lasts three minutes and answers once: after that, the user must sign in again.
      if (this.#current.pending && failure.code === 'sessionExpired') {
        this.transition(signedOut(this.#current, 'sessionExpired' satisfies StoreNotice), {}, origin);
      }
      throw failure;
    } finally {
      this.#acting--;
    }
  }

  /** Reports a failed action (`cognito-error`) and returns the error to throw. */
  fail(error: unknown, action: AuthAction, origin: EventTarget | undefined): CognitoAuthError {
    const failure = toAuthError(error);
    if (failure.configProblem && !this.#current.configProblem)
      this.set({ ...this.#current, configProblem: failure.configProblem });
    this.emit(errorEvent(failure, action), origin);
    return failure;
  }

  /** The error an action meets before it starts when there is no usable configuration. */
  configError(): CognitoAuthError | undefined {
    const problem =
      this.#current.configProblem ?? (this.configuration.inUse ? undefined : { code: 'missing' as const });
    return (
      problem && new CognitoAuthError('ConfigurationError', `Not configured: ${problem.code}`, 'configuration', problem)
    );
  }

  /** Amplify has stored tokens: signed in, with the refresh scheduled. */
  async enterSignedIn(reason: SignedInReason, origin: EventTarget | undefined): Promise<'DONE'> {
    const tokens = await this.deadline(amplify.currentTokens());
    if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Signed in, but no tokens were stored', 'unknown');
    this.transition(signedIn(this.#current, userFromClaims(tokens.idTokenClaims)), { signedIn: reason }, origin);
    this.follower.follow(tokens, true);
    return 'DONE';
  }

  enterSignedOut(reason: SignedOutReason, origin: EventTarget | undefined): void {
    this.follower.stop();
    this.restoreStorage();
    if (this.#current.status !== 'signedOut') this.transition(signedOut(this.#current), { signedOut: reason }, origin);
  }

  /** Stops following Amplify, forgets listeners; nothing is dispatched afterwards. */
  dispose(): void {
    this.#disposed = true;
    this.#held = null;
    this.follower.dispose();
    this.#listeners.clear();
  }
}

export function errorEvent(error: CognitoAuthError, action: AuthAction): CognitoErrorEvent {
  return new CognitoErrorEvent({ name: error.name, message: error.message, action });
}
