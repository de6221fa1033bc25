/**
 * What this layer adds to cognito-local's data and must survive a restart: the sign-in sessions it issued
 * tokens for, their refresh tokens (kept as SHA-256 hashes, never in clear), and which sessions are revoked.
 * One small JSON file, rewritten atomically on every change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** One sign-in. Every token it yields carries its id as `origin_jti`, as Cognito's do. */
export interface SignInSession {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly username: string;
  /** Epoch seconds. */
  readonly issuedAt: number;
  /** Epoch seconds: when its refresh token expires. */
  readonly expiresAt: number;
  /** Epoch seconds; set by RevokeToken or GlobalSignOut. */
  revokedAt?: number;
}

interface StateFile {
  sessions: Record<string, SignInSession>;
  /** SHA-256 of a refresh token → origin_jti. */
  refreshTokens: Record<string, string>;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class CompatState {
  private readonly data: StateFile;

  constructor(private readonly file: string) {
    this.data = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as StateFile)
      : { sessions: {}, refreshTokens: {} };
  }

  addSession(originJti: string, session: SignInSession, refreshToken: string): void {
    this.data.sessions[originJti] = session;
    this.data.refreshTokens[hashToken(refreshToken)] = originJti;
    this.save();
  }

  session(originJti: string): SignInSession | undefined {
    return this.data.sessions[originJti];
  }

  /** The session a refresh token belongs to, with its origin_jti. */
  sessionOfRefreshToken(token: string): { originJti: string; session: SignInSession } | undefined {
    const originJti = this.data.refreshTokens[hashToken(token)];
    const session = originJti === undefined ? undefined : this.data.sessions[originJti];
    return originJti === undefined || session === undefined ? undefined : { originJti, session };
  }

  /** Revokes one sign-in: its refresh token and every access and ID token it produced. */
  revoke(originJti: string, now: number): void {
    const session = this.data.sessions[originJti];
    if (session && session.revokedAt === undefined) session.revokedAt = now;
    this.prune(now);
  }

  /** GlobalSignOut: every sign-in of the user, on every device. */
  revokeAllOf(userPoolId: string, username: string, now: number): void {
    for (const session of Object.values(this.data.sessions)) {
      if (session.userPoolId === userPoolId && session.username === username && session.revokedAt === undefined) {
        session.revokedAt = now;
      }
    }
    this.prune(now);
  }

  /** Forgets sessions whose every token has expired anyway, then saves. */
  private prune(now: number): void {
    for (const [originJti, session] of Object.entries(this.data.sessions)) {
      if (session.expiresAt < now) delete this.data.sessions[originJti];
    }
    for (const [hash, originJti] of Object.entries(this.data.refreshTokens)) {
      if (!(originJti in this.data.sessions)) delete this.data.refreshTokens[hash];
    }
    this.save();
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
