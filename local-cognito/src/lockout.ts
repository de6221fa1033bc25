/**
 * Cognito's answer to password guessing: after five failed attempts in a row it refuses further attempts for a
 * while ("Password attempts exceeded"), doubling the wait each time, up to 15 minutes. Kept in memory.
 */
import { notAuthorized } from './errors.js';

const FREE_ATTEMPTS = 5;
const MAX_LOCK_SECONDS = 15 * 60;

export class Lockout {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  /** Throws NotAuthorizedException "Password attempts exceeded" while the user is locked. */
  assertOpen(key: string): void {
    const entry = this.failures.get(key);
    if (entry && entry.lockedUntil > Date.now()) throw notAuthorized('Password attempts exceeded');
  }

  fail(key: string): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      const seconds = Math.min(2 ** (entry.count - FREE_ATTEMPTS), MAX_LOCK_SECONDS);
      entry.lockedUntil = Date.now() + seconds * 1000;
    }
    this.failures.set(key, entry);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
