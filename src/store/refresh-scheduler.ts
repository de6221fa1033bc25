/**
 * When to refresh: shortly before the tokens expire (so that an ended session shows as signed out without waiting
 * for the next click, and API calls never wait), and after a transient failure with backoff: 5 s, 10 s, 20 s, …
 * up to 5 min (± 20 %), and at once when the browser comes back online. What a refresh does is the store's.
 */
import type { AuthTokens } from './types.js';

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 300_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export class RefreshScheduler {
  readonly #refresh: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  /** Transient failures in a row: the backoff of the next retry. */
  #failures = 0;
  readonly #onOnline = (): void => {
    if (this.#failures > 0) this.#refresh();
  };

  constructor(refresh: () => void) {
    this.#refresh = refresh;
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
  }

  /**
   * The next refresh a little before the tokens expire (a quarter of their life, at most a minute before). Tokens
   * just issued (`fresh`) are timed by their lifetime, not by this computer's clock: a clock ahead of Cognito's
   * would otherwise see them as expiring at once and refresh every second.
   */
  scheduleFor(tokens: AuthTokens, fresh: boolean): void {
    this.#failures = 0;
    const lifetime = tokens.expiresAt.getTime() - tokens.issuedAt.getTime();
    const margin = Math.min(60_000, Math.max(lifetime / 4, 0));
    const left = fresh ? lifetime : tokens.expiresAt.getTime() - Date.now();
    this.#set(Math.min(Math.max(left - margin, 1000), MAX_TIMER_MS));
  }

  /** A transient failure: try again later, each time later. */
  retry(): void {
    this.#set(Math.min(RETRY_FIRST_MS * 2 ** this.#failures, RETRY_MAX_MS) * (0.8 + Math.random() * 0.4));
    this.#failures++;
  }

  /** No session to refresh. */
  stop(): void {
    this.clear();
    this.#failures = 0;
  }

  clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  dispose(): void {
    this.#disposed = true;
    this.stop();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
  }

  #set(delay: number): void {
    this.clear();
    if (this.#disposed) return; // a sign-in or refresh still under way when the store was dropped
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#refresh();
    }, delay);
  }
}
