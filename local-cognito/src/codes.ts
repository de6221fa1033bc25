/**
 * The codes a user is sent to confirm a sign-up or reset a password, kept with the user in the pool's data file
 * (so a code that was acknowledged survives a restart, and expires or locks as it would have without one).
 *
 * What Cognito documents: a sign-up code is valid for 24 hours, a password-reset code for one hour; a new code
 * replaces the previous one; ConfirmForgotPassword without a requested code is ExpiredCodeException.
 * What it does not document: how many wrong codes it takes. Cognito answers LimitExceededException "Attempt limit
 * exceeded, please try after some time." after a handful of them (reports say about five); here a code takes five
 * wrong attempts, after which it is refused, right or wrong, until a new code is requested. How long Cognito's
 * refusal lasts is not known either; here it lasts as long as the code would have.
 *
 * cognito-local keeps one `ConfirmationCode` per user for both purposes (a reset code confirmed a sign-up), with no
 * expiry and no attempt count. Here each purpose has its own code; `ConfirmationCode` is cleared when a code is
 * written, and one found without ours (a data folder of an older version) counts as a sign-up code of an
 * unconfirmed user, issued when the user last changed.
 *
 * Decoys: with PreventUserExistenceErrors ENABLED, an email with no account (or an account that cannot get a reset
 * code now) must answer ConfirmForgotPassword as an account that was sent a code does. It gets a decoy: a reset
 * "code" that no guess matches, issued by ForgotPassword (or by the first ConfirmForgotPassword), counted, locked
 * after `maxAttempts` wrong tries and expired after `passwordResetMs`, exactly as a real one (see `checkDecoy`).
 * What Cognito keeps for an unknown user is not documented: this is a guess that makes the two indistinguishable.
 * Decoys are kept in memory (at most 10,000, the oldest dropped first), so a restart forgets them.
 */
import type { User } from 'cognito-local/lib/services/userPoolService.js';

export type CodePurpose = 'SignUp' | 'ForgotPassword';

/** How long codes stay valid and how many wrong attempts one takes. */
export interface CodeOptions {
  /** Sign-up codes (SignUp, ResendConfirmationCode). Default: 24 hours, as Cognito. */
  readonly signUpMs?: number;
  /** Password-reset codes (ForgotPassword, AdminResetUserPassword). Default: 1 hour, as Cognito. */
  readonly passwordResetMs?: number;
  /** Wrong attempts a code takes before every attempt is LimitExceededException. Default: 5 (a guess, see above). */
  readonly maxAttempts?: number;
}

export const DEFAULT_CODE_OPTIONS: Required<CodeOptions> = {
  signUpMs: 24 * 60 * 60 * 1000,
  passwordResetMs: 60 * 60 * 1000,
  maxAttempts: 5,
};

export interface StoredCode {
  readonly code: string;
  /** The attribute the code was sent to (`email`, `phone_number`): confirming a sign-up verifies it. */
  readonly attribute: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  readonly failures: number;
}

/** The user record as this layer stores it: cognito-local's, with the codes of each purpose. */
export type UserWithCodes = User & { LocalCodes?: Partial<Record<CodePurpose, StoredCode>> };

export type CodeCheck =
  | { readonly outcome: 'ok'; readonly attribute: string }
  | { readonly outcome: 'missing' | 'expired' | 'locked' }
  | { readonly outcome: 'mismatch'; readonly user: User };

/** What a decoy answers: what a real reset code answers to a wrong guess, in the same order of checks. */
export type DecoyCheck = 'mismatch' | 'expired' | 'locked';

interface Decoy {
  readonly issuedAt: number;
  failures: number;
}

/** Enough for any test or demo; bounds what a loop over made-up emails can make the service hold. */
const MAX_DECOYS = 10_000;

export class Codes {
  readonly options: Required<CodeOptions>;
  readonly #locks = new Map<string, Promise<unknown>>();
  /** Reset-code decoys by `<poolId>/<username as typed>`, oldest first. */
  readonly #decoys = new Map<string, Decoy>();

  constructor(
    options: CodeOptions | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_CODE_OPTIONS, ...options };
    for (const [name, value] of Object.entries(this.options)) {
      if (!Number.isFinite(value) || value < 0)
        throw new RangeError(`codes.${name} must be a number ≥ 0, not ${value}`);
    }
  }

  lifetimeMs(purpose: CodePurpose): number {
    return purpose === 'SignUp' ? this.options.signUpMs : this.options.passwordResetMs;
  }

  /** When a code issued now for `purpose` expires. */
  expiresAt(purpose: CodePurpose): Date {
    return new Date(this.now() + this.lifetimeMs(purpose));
  }

  /** The pending code of `purpose`, if any (expired or not). */
  pending(user: User, purpose: CodePurpose): StoredCode | undefined {
    const own = (user as UserWithCodes).LocalCodes?.[purpose];
    if (own) return own;
    // A sign-up code written by cognito-local (or by an older version of this service).
    if (purpose === 'SignUp' && user.UserStatus === 'UNCONFIRMED' && user.ConfirmationCode) {
      return {
        code: user.ConfirmationCode,
        attribute: 'email',
        issuedAt: user.UserLastModifiedDate.getTime(),
        failures: 0,
      };
    }
    return undefined;
  }

  /** Whether the user holds a code of `purpose` that can still be used. */
  isLive(user: User, purpose: CodePurpose): boolean {
    const code = this.pending(user, purpose);
    return code !== undefined && !this.#expired(code, purpose) && code.failures < this.options.maxAttempts;
  }

  /** The user with a new code of `purpose`, replacing the previous one (and its failed attempts). */
  issue(user: User, purpose: CodePurpose, code: string, attribute: string): User {
    const stored: StoredCode = { code, attribute, issuedAt: this.now(), failures: 0 };
    return this.#withCode(user, purpose, stored);
  }

  /** The user without a code of `purpose` (it was used). */
  consume(user: User, purpose: CodePurpose): User {
    return this.#withCode(user, purpose, undefined);
  }

  /**
   * Checks `given` against the user's code of `purpose`. A mismatch comes with the user as it must be saved (one
   * more failed attempt); the caller saves it before answering, so that the count survives a restart.
   */
  check(user: User, purpose: CodePurpose, given: string): CodeCheck {
    const code = this.pending(user, purpose);
    if (!code) return { outcome: 'missing' };
    if (this.#expired(code, purpose)) return { outcome: 'expired' };
    if (code.failures >= this.options.maxAttempts) return { outcome: 'locked' };
    if (given !== code.code)
      return { outcome: 'mismatch', user: this.#withCode(user, purpose, { ...code, failures: code.failures + 1 }) };
    return { outcome: 'ok', attribute: code.attribute };
  }

  /** A new decoy reset code for `key` (a pool and the username typed), replacing the previous one and its count. */
  issueDecoy(key: string): void {
    this.#decoys.delete(key);
    this.#decoys.set(key, { issuedAt: this.now(), failures: 0 });
    if (this.#decoys.size > MAX_DECOYS) this.#decoys.delete(this.#decoys.keys().next().value!);
  }

  hasDecoy(key: string): boolean {
    return this.#decoys.has(key);
  }

  /** Forgets the decoy of `key` (a real code was sent there). */
  dropDecoy(key: string): void {
    this.#decoys.delete(key);
  }

  /**
   * A guess at the decoy of `key`, never right: checked as `check` checks a real reset code (expired, then locked,
   * then one more wrong attempt counted). Without a decoy, one is issued now: a ConfirmForgotPassword with no
   * ForgotPassword before is CodeMismatchException for an unknown user (documented), and counts as a real one would.
   */
  checkDecoy(key: string): DecoyCheck {
    if (!this.#decoys.has(key)) this.issueDecoy(key);
    const decoy = this.#decoys.get(key)!;
    if (this.now() - decoy.issuedAt >= this.lifetimeMs('ForgotPassword')) return 'expired';
    if (decoy.failures >= this.options.maxAttempts) return 'locked';
    decoy.failures += 1;
    return 'mismatch';
  }

  /**
   * Runs `task` after every earlier task of the same `key` (a pool and user) has finished: a read, a check and a
   * write of one user's codes are never interleaved, so parallel guesses are all counted.
   */
  async serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(key) === settled) this.#locks.delete(key);
    }
  }

  #expired(code: StoredCode, purpose: CodePurpose): boolean {
    return this.now() - code.issuedAt >= this.lifetimeMs(purpose);
  }

  #withCode(user: User, purpose: CodePurpose, code: StoredCode | undefined): User {
    const codes = { ...((user as UserWithCodes).LocalCodes ?? {}) };
    if (code) codes[purpose] = code;
    else delete codes[purpose];
    const { ConfirmationCode: _replaced, ...rest } = user as UserWithCodes;
    const updated: UserWithCodes = { ...rest, LocalCodes: codes };
    if (Object.keys(codes).length === 0) delete updated.LocalCodes;
    return updated;
  }
}
