/**
 * The session as it goes on without an action of this page: Amplify's Hub (another tab's sign-in or sign-out, an
 * app's own Amplify calls, a refresh made for getTokens) and the scheduled refresh. It decides; the store changes
 * state (through the narrow `SessionHost`), so that events still come from one place.
 */
import type { SignedInReason, SignedOutReason } from '../events.js';
import * as amplify from './amplify.js';
import { isSessionEnded } from './errors.js';
import { signedIn, userFromClaims, type Cause } from './machine.js';
import { RefreshScheduler } from './refresh-scheduler.js';
import type { AuthState, AuthTokens } from './types.js';

/** What the follower needs of the store. */
export interface SessionHost {
  readonly state: AuthState;
  /** True while the store drives Amplify itself: Hub's same-tab echo of that is ignored. */
  readonly acting: boolean;
  deadline<T>(work: Promise<T>): Promise<T>;
  /** A change of state with its events (dispatched on `document`). */
  transition(next: AuthState, cause: Cause): void;
  /** A new state of the same status (a refreshed token): listeners are told, no event. */
  update(next: AuthState): void;
  signOutHere(reason: SignedOutReason): void;
  /** A refresh failed for a transient reason: `cognito-error` (action `refresh`). */
  refreshFailed(error: unknown): void;
}

export class SessionFollower {
  readonly #host: SessionHost;
  readonly #scheduler = new RefreshScheduler(() => void this.refreshNow());
  #stopHub: (() => void) | undefined;
  /** True while the scheduler's own refresh runs (its failure is handled there, not by the Hub follower). */
  #refreshing = false;

  constructor(host: SessionHost) {
    this.#host = host;
  }

  start(): void {
    this.#stopHub ??= amplify.listen((event, crossTab, error) => void this.#onHub(event, crossTab, error));
  }

  /** Tokens to refresh before they expire: `fresh` when just issued, else read from storage. */
  follow(tokens: AuthTokens, fresh: boolean): void {
    this.#scheduler.scheduleFor(tokens, fresh);
  }

  /** Tokens that could not be refreshed just now: try again later. */
  retry(): void {
    this.#scheduler.retry();
  }

  /** Signed out: nothing to refresh. */
  stop(): void {
    this.#scheduler.stop();
  }

  dispose(): void {
    this.#stopHub?.();
    this.#scheduler.dispose();
  }

  async #onHub(event: string, crossTab: boolean, error: unknown): Promise<void> {
    const host = this.#host;
    if (host.state.status === 'loading') return;
    // The store's own actions report themselves; Hub's echo of them in this tab is ignored.
    if (!crossTab && host.acting && (event === 'signedIn' || event === 'signedOut')) return;
    const signedInHere = host.state.status === 'signedIn';
    if (event === 'signedIn') await this.#followSignIn(crossTab ? 'other-tab' : 'sign-in');
    else if (event === 'signedOut' && signedInHere) host.signOutHere(crossTab ? 'other-tab' : 'user');
    else if (event === 'tokenRefresh' && signedInHere) await this.#refreshed();
    // A refresh made for getTokens()/authFetch() failed: that call reports it; here, end an ended session or retry.
    else if (event === 'tokenRefresh_failure' && signedInHere && !this.#refreshing) {
      if (isSessionEnded(error)) await this.#sessionEnded();
      else this.#scheduler.retry();
    }
  }

  /** A sign-in the store did not make: another tab's, or an app's own Amplify call. */
  async #followSignIn(reason: SignedInReason): Promise<void> {
    // Another tab writes its tokens one key at a time: wait briefly until all are there.
    let tokens: AuthTokens | undefined;
    for (let attempt = 0; attempt < 10 && !tokens; attempt++) {
      tokens = await this.#host.deadline(amplify.currentTokens()).catch(() => undefined);
      if (!tokens) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!tokens) return;
    this.#host.transition(signedIn(this.#host.state, userFromClaims(tokens.idTokenClaims)), { signedIn: reason });
    this.#scheduler.scheduleFor(tokens, true);
  }

  /** Amplify refreshed (for us or for a call): follow the new tokens. Read as stored: a read may refresh again. */
  async #refreshed(): Promise<void> {
    const tokens = await amplify.storedTokens().catch(() => undefined);
    if (!tokens) return;
    // Even when the user is the same: views of the token (<cognito-session show-token>) must follow.
    this.#host.update(signedIn(this.#host.state, userFromClaims(tokens.idTokenClaims)));
    this.#scheduler.scheduleFor(tokens, true);
  }

  /**
   * The scheduled refresh. Only a definite end of the session (see isSessionEnded) signs out, and then no token
   * stays behind. Any other failure (no network, no answer, 5xx, throttling, an answer that is not Cognito's) keeps
   * the session — Amplify keeps the tokens too, so "signed out" would be a lie a reload undoes — and retries.
   */
  async refreshNow(): Promise<void> {
    this.#scheduler.clear();
    if (this.#host.state.status !== 'signedIn' || this.#refreshing) return;
    this.#refreshing = true;
    try {
      // No tokens: Amplify answered NotAuthorized with null, or another tab signed out and cleared them.
      const tokens = await this.#host.deadline(amplify.currentTokens(true));
      if (tokens) this.#scheduler.scheduleFor(tokens, true);
      else await this.#sessionEnded();
    } catch (error) {
      if (isSessionEnded(error)) {
        await this.#sessionEnded();
      } else if (this.#host.state.status === 'signedIn') {
        this.#host.refreshFailed(error);
        this.#scheduler.retry();
      }
    } finally {
      this.#refreshing = false;
    }
  }

  /** The session has ended for good: clear this browser (Amplify may not have yet), then signed out, `expired`. */
  async #sessionEnded(): Promise<void> {
    await amplify.clearLocalSession().catch(() => undefined);
    if (this.#host.state.status === 'signedIn') this.#host.signOutHere('expired');
  }
}
