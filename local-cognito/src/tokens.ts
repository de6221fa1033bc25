/**
 * Issues and checks Cognito-shaped JWTs (RS256). Replaces cognito-local's token generator so that every token
 * carries `origin_jti` (Amplify revokes only such sessions on sign-out), every refresh token is remembered, the
 * defaults match Cognito's (access and ID tokens 1 hour, refresh token 30 days), and tokens are signed with a key
 * of this data folder instead of the private key published inside the cognito-local package.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Clock } from 'cognito-local/lib/services/clock.js';
import type { TokenGenerator, Tokens } from 'cognito-local/lib/services/tokenGenerator.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';
import { notAuthorized } from './errors.js';
import { DataFileError, DurableFile, readJsonFile } from './durable-file.js';
import type { CompatState } from './state.js';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: JsonWebKey;
}

/**
 * Loads the data folder's RSA key, making one on first start. A key file that cannot be read stops the start
 * (DataFileError): making a new key would silently invalidate every token issued so far.
 */
export async function loadSigningKey(file: string): Promise<SigningKey> {
  let privateJwk = (await readJsonFile(file)) as JsonWebKey | undefined;
  if (privateJwk === undefined) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateJwk = privateKey.export({ format: 'jwk' });
    await new DurableFile(file, () => JSON.stringify(privateJwk), { mode: 0o600 }).save();
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  } catch (error) {
    throw new DataFileError(file, `it holds no RSA private key (${(error as Error).message})`);
  }
  const publicKey = createPublicKey(privateKey);
  const { kty, n, e } = publicKey.export({ format: 'jwk' });
  if (!kty || !n || !e) throw new DataFileError(file, 'its key has no RSA public part');
  const kid = `local-${n.slice(0, 16)}`;
  return { kid, privateKey, publicKey, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } };
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

export type Claims = Record<string, unknown>;

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
const SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Validity in seconds of one token kind for a client, with Cognito's defaults. */
function validity(value: number | undefined, unit: string | undefined, fallbackUnit: Unit, fallback: number): number {
  if (value === undefined) return fallback;
  const u = (unit ?? fallbackUnit) as Unit;
  return value * (SECONDS[u] ?? SECONDS[fallbackUnit]);
}

export function tokenLifetimes(client: AppClient): { access: number; id: number; refresh: number } {
  const units = client.TokenValidityUnits;
  return {
    access: validity(client.AccessTokenValidity, units?.AccessToken, 'hours', 3600),
    id: validity(client.IdTokenValidity, units?.IdToken, 'hours', 3600),
    refresh: validity(client.RefreshTokenValidity, units?.RefreshToken, 'days', 30 * 86400),
  };
}

const INTERNAL_ATTRIBUTES = new Set(['sub']);
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export class TokenIssuer implements TokenGenerator {
  constructor(
    private readonly key: SigningKey,
    private readonly issuerBase: () => string,
    private readonly clock: Clock,
    private readonly state: CompatState,
  ) {}

  issuer(userPoolId: string): string {
    return `${this.issuerBase()}/${userPoolId}`;
  }

  /** cognito-local's interface: a new sign-in. */
  async generate(_ctx: unknown, user: User, userGroups: readonly string[], client: AppClient): Promise<Tokens> {
    const now = this.now();
    const originJti = randomUUID();
    const lifetimes = tokenLifetimes(client);
    // Like Cognito's, the refresh token is opaque to clients.
    const refreshToken = base64url(randomBytes(96));
    // The sign-in is on disk before its tokens are handed out: a refresh token must still work after a crash.
    await this.state.addSession(
      originJti,
      {
        userPoolId: client.UserPoolId,
        clientId: client.ClientId,
        username: user.Username,
        issuedAt: now,
        expiresAt: now + Math.max(lifetimes.refresh, lifetimes.access, lifetimes.id),
      },
      refreshToken,
    );
    return { ...this.accessAndId(user, userGroups, client, originJti, now, now), RefreshToken: refreshToken };
  }

  /** New access and ID tokens for an existing sign-in (same origin_jti and auth_time, as Cognito does). */
  refresh(user: User, userGroups: readonly string[], client: AppClient, originJti: string, authTime: number) {
    return this.accessAndId(user, userGroups, client, originJti, authTime, this.now());
  }

  /** Adds the fields cognito-local leaves out of an AuthenticationResult. */
  complete(
    tokens: { AccessToken: string; IdToken: string; RefreshToken?: string | undefined },
    client: AppClient,
  ): AuthenticationResult {
    return {
      AccessToken: tokens.AccessToken,
      IdToken: tokens.IdToken,
      ...(tokens.RefreshToken ? { RefreshToken: tokens.RefreshToken } : {}),
      ExpiresIn: tokenLifetimes(client).access,
      TokenType: 'Bearer',
    };
  }

  /**
   * Checks an access token the way Cognito's user APIs do: signature, use, expiry, revocation.
   * Throws NotAuthorizedException with Cognito's messages.
   */
  verifyAccessToken(token: unknown): Claims & { username: string; client_id: string; origin_jti: string; iss: string } {
    const claims = this.decodeVerified(token);
    if (!claims || claims['token_use'] !== 'access') throw notAuthorized('Invalid Access Token');
    const { username, client_id, origin_jti, iss, exp } = claims;
    if (
      typeof username !== 'string' ||
      typeof client_id !== 'string' ||
      typeof origin_jti !== 'string' ||
      typeof iss !== 'string'
    ) {
      throw notAuthorized('Invalid Access Token');
    }
    if (typeof exp !== 'number' || exp <= this.now()) throw notAuthorized('Access Token has expired');
    const session = this.state.session(origin_jti);
    if (!session || session.revokedAt !== undefined) throw notAuthorized('Access Token has been revoked');
    return { ...claims, username, client_id, origin_jti, iss };
  }

  /** The claims of a token this service signed, or undefined. Expiry is the caller's business. */
  decodeVerified(token: unknown): Claims | undefined {
    if (typeof token !== 'string') return undefined;
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      this.key.publicKey,
      Buffer.from(signature, 'base64url'),
    );
    if (!ok) return undefined;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    } catch {
      return undefined;
    }
  }

  private accessAndId(
    user: User,
    userGroups: readonly string[],
    client: AppClient,
    originJti: string,
    authTime: number,
    now: number,
  ): { AccessToken: string; IdToken: string } {
    const lifetimes = tokenLifetimes(client);
    const sub = user.Attributes.find((a) => a.Name === 'sub')?.Value ?? user.Username;
    const iss = this.issuer(client.UserPoolId);
    const eventId = randomUUID();
    const groups = userGroups.length ? { 'cognito:groups': [...userGroups] } : {};

    const attributes: Claims = {};
    for (const { Name, Value } of user.Attributes) {
      if (!Name || Value === undefined || INTERNAL_ATTRIBUTES.has(Name)) continue;
      attributes[Name] = BOOLEAN_ATTRIBUTES.has(Name) ? Value === 'true' : Value;
    }

    const access: Claims = {
      sub,
      ...groups,
      iss,
      client_id: client.ClientId,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: authTime,
      exp: now + lifetimes.access,
      iat: now,
      jti: randomUUID(),
      username: user.Username,
    };
    const id: Claims = {
      sub,
      ...groups,
      ...attributes,
      iss,
      'cognito:username': user.Username,
      origin_jti: originJti,
      aud: client.ClientId,
      event_id: eventId,
      token_use: 'id',
      auth_time: authTime,
      exp: now + lifetimes.id,
      iat: now,
      jti: randomUUID(),
    };
    return { AccessToken: this.sign(access), IdToken: this.sign(id) };
  }

  private sign(claims: Claims): string {
    const header = base64url(JSON.stringify({ kid: this.key.kid, alg: 'RS256' }));
    const payload = base64url(JSON.stringify(claims));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.key.privateKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  private now(): number {
    return Math.floor(this.clock.get().getTime() / 1000);
  }
}
