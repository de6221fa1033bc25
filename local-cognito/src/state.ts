/**
 * What this layer adds to cognito-local's data and must survive a restart: the sign-in sessions it issued
 * tokens for, their refresh tokens (kept as SHA-256 hashes, never in clear), and which sessions are revoked.
 * One small JSON file, written atomically (see durable-file.ts); every change resolves once it is on disk, so a
 * revocation that was acknowledged stays revoked after a crash.
 */
import { createHash } from 'node:crypto';
import { DataFileError, DurableFile, readJsonFile } from './durable-file.js';

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
  readonly #file: DurableFile;

  private constructor(
    file: string,
    private readonly data: StateFile,
  ) {
    this.#file = new DurableFile(file, () => JSON.stringify(this.data));
  }

  /** The state of `file`, or an empty one when there is none; throws DataFileError when it cannot be read. */
  static async load(file: string): Promise<CompatState> {
    const content = await readJsonFile(file);
    if (content === undefined) return new CompatState(file, { sessions: {}, refreshTokens: {} });
    const data = content as Partial<StateFile> | null;
    if (
      !data ||
      typeof data.sessions !== 'object' ||
      !data.sessions ||
      typeof data.refreshTokens !== 'object' ||
      !data.refreshTokens
    ) {
      throw new DataFileError(file, 'it is not a sessions file (no "sessions" and "refreshTokens" objects)');
    }
    return new CompatState(file, data as StateFile);
  }

  /** Resolves once the session is on disk. */
  addSession(originJti: string, session: SignInSession, refreshToken: string): Promise<void> {
    this.data.sessions[originJti] = session;
    this.data.refreshTokens[hashToken(refreshToken)] = originJti;
    return this.#file.save();
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

  /** Revokes one sign-in: its refresh token and every access and ID token it produced. Resolves once on disk. */
  revoke(originJti: string, now: number): Promise<void> {
    const session = this.data.sessions[originJti];
    if (session && session.revokedAt === undefined) session.revokedAt = now;
    return this.prune(now);
  }

  /** GlobalSignOut: every sign-in of the user, on every device. Resolves once on disk. */
  revokeAllOf(userPoolId: string, username: string, now: number): Promise<void> {
    for (const session of Object.values(this.data.sessions)) {
      if (session.userPoolId === userPoolId && session.username === username && session.revokedAt === undefined) {
        session.revokedAt = now;
      }
    }
    return this.prune(now);
  }

  /** Waits until every change made so far is on disk. */
  flush(): Promise<void> {
    return this.#file.flush();
  }

  /** Forgets sessions whose every token has expired anyway, then saves. */
  private prune(now: number): Promise<void> {
    for (const [originJti, session] of Object.entries(this.data.sessions)) {
      if (session.expiresAt < now) delete this.data.sessions[originJti];
    }
    for (const [hash, originJti] of Object.entries(this.data.refreshTokens)) {
      if (!(originJti in this.data.sessions)) delete this.data.refreshTokens[hash];
    }
    return this.#file.save();
  }
}
