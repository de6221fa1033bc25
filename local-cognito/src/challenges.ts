/**
 * Sign-in challenge sessions. cognito-local hands out a `Session` and never checks it; Cognito binds each one to
 * a challenge, a client and a user, lets it answer once, and expires it after three minutes (the app client's
 * AuthSessionValidity, 3 to 15 minutes, default 3: documented).
 *
 * An MFA code answered wrongly does not end the session: the answering target reopens it (same id, same expiry)
 * with one more failure, up to MAX_MFA_FAILURES; see targets/sign-in.ts for what is known about Cognito there.
 */
import { randomBytes } from 'node:crypto';
import { invalidSession } from './errors.js';
import type { SrpServerState } from './srp.js';

export interface ChallengeSession {
  readonly challengeName: string;
  readonly clientId: string;
  /** The pool's username (for email sign-in, the user's sub), or what was typed when the user does not exist. */
  readonly username: string;
  /** Set for PASSWORD_VERIFIER: the server's SRP values and the client's A. */
  readonly srp?: SrpServerState & { readonly A: string };
  /** False for the decoy challenge of an unknown user (PreventUserExistenceErrors). */
  readonly userExists: boolean;
  /** SMS_MFA and EMAIL_OTP: the code sent, and where (EMAIL_OTP of an MFA_SETUP: the address being set up). */
  readonly code?: { readonly value: string; readonly destination: string; readonly setup?: boolean };
  /** SELECT_MFA_TYPE: the factors offered. */
  readonly choices?: readonly string[];
  /** MFA_SETUP: the software token was verified with this session (VerifySoftwareToken). */
  readonly totpVerified?: boolean;
  /** Wrong codes answered so far on this session. */
  readonly failures?: number;
}

/** A session as stored: with its expiry (epoch milliseconds). */
export type OpenSession = ChallengeSession & { readonly expiresAt: number };

const TTL_MS = 3 * 60 * 1000;

export class ChallengeSessions {
  private readonly open = new Map<string, OpenSession>();

  /** `ttlMs`: the lifetime of sessions whose client sets no AuthSessionValidity (tests shorten it). */
  constructor(readonly ttlMs = TTL_MS) {}

  /** A new session; `ttlMs` is the client's AuthSessionValidity when it has one. */
  create(session: ChallengeSession, ttlMs = this.ttlMs): string {
    const id = randomBytes(96).toString('base64');
    const now = Date.now();
    for (const [key, value] of this.open) if (value.expiresAt < now) this.open.delete(key);
    this.open.set(id, { ...session, expiresAt: now + ttlMs });
    return id;
  }

  /** Puts a taken session back under the same id and expiry (an MFA code answered wrongly). */
  reopen(id: string, session: OpenSession): void {
    if (session.expiresAt >= Date.now()) this.open.set(id, session);
  }

  /** Takes (and so ends) the session answering `challengeName` for `clientId`, or throws NotAuthorizedException. */
  take(id: unknown, challengeName: unknown, clientId: unknown): OpenSession {
    return this.#take(id, (s) => s.challengeName === challengeName && s.clientId === clientId);
  }

  /** Takes an MFA_SETUP session for AssociateSoftwareToken / VerifySoftwareToken, which name no client. */
  takeSetup(id: unknown): OpenSession {
    return this.#take(id, (s) => s.challengeName === 'MFA_SETUP');
  }

  #take(id: unknown, matches: (session: OpenSession) => boolean): OpenSession {
    const session = typeof id === 'string' ? this.open.get(id) : undefined;
    if (typeof id === 'string') this.open.delete(id);
    if (!session || session.expiresAt < Date.now() || !matches(session)) throw invalidSession();
    return session;
  }
}
