/**
 * Sign-in challenge sessions. cognito-local hands out a `Session` and never checks it; Cognito binds each one to
 * a challenge, a client and a user, lets it answer once, and expires it after three minutes.
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
}

const TTL_MS = 3 * 60 * 1000;

export class ChallengeSessions {
  private readonly open = new Map<string, ChallengeSession & { expiresAt: number }>();

  create(session: ChallengeSession): string {
    const id = randomBytes(96).toString('base64');
    const now = Date.now();
    for (const [key, value] of this.open) if (value.expiresAt < now) this.open.delete(key);
    this.open.set(id, { ...session, expiresAt: now + TTL_MS });
    return id;
  }

  /** Takes (and so ends) the session answering `challengeName` for `clientId`, or throws NotAuthorizedException. */
  take(id: unknown, challengeName: unknown, clientId: unknown): ChallengeSession {
    const session = typeof id === 'string' ? this.open.get(id) : undefined;
    if (typeof id === 'string') this.open.delete(id);
    if (
      !session ||
      session.expiresAt < Date.now() ||
      session.challengeName !== challengeName ||
      session.clientId !== clientId
    ) {
      throw invalidSession();
    }
    return session;
  }
}
