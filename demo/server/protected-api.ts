/**
 * The demo's protected endpoint: an API called with the ID token as a Bearer token.
 * `GET /api/hello` answers 200 only for an ID token of the configured pool and client: signature (the pool's
 * JWKS), issuer, audience, token use and expiry are checked with aws-jwt-verify; anything else is 401.
 * Served by the Vite dev server (vite.config.ts) and by the browser test run.
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

export interface ProtectedApiConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Set for the local service (or any custom endpoint): its issuer is `<endpoint>/<poolId>`. */
  readonly userPoolEndpoint?: string | undefined;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export const PROTECTED_PATH = '/api/hello';

export function createProtectedApi(
  config: ProtectedApiConfig,
): (authorization: string | undefined) => Promise<ApiResponse> {
  let verify: (token: string) => Promise<JwtPayload>;
  if (config.userPoolEndpoint) {
    const issuer = `${config.userPoolEndpoint.replace(/\/$/, '')}/${config.userPoolId}`;
    const verifier = JwtRsaVerifier.create({
      issuer,
      audience: config.userPoolClientId,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }) => {
        if (payload['token_use'] !== 'id') throw new Error('Not an ID token');
      },
    });
    // aws-jwt-verify fetches JWKS over https only; the local service speaks http, so its keys are loaded here.
    let loaded: Promise<void> | undefined;
    const loadKeys = () =>
      (loaded ??= fetch(`${issuer}/.well-known/jwks.json`)
        .then((r) => r.json())
        .then((jwks) => verifier.cacheJwks(jwks as Parameters<typeof verifier.cacheJwks>[0]))
        .catch((error: unknown) => {
          loaded = undefined;
          throw error;
        }));
    verify = async (token) => {
      await loadKeys();
      return verifier.verify(token);
    };
  } else {
    const verifier = CognitoJwtVerifier.create({
      userPoolId: config.userPoolId,
      clientId: config.userPoolClientId,
      tokenUse: 'id',
    });
    verify = (token) => verifier.verify(token);
  }

  return async (authorization) => {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      return { status: 401, body: { error: 'Unauthorized', reason: 'No Bearer token in the Authorization header' } };
    try {
      const claims = await verify(token);
      return {
        status: 200,
        body: {
          message: `Hello, ${String(claims['email'] ?? claims.sub)}`,
          sub: claims.sub,
          email: claims['email'],
          expiresAt: new Date((claims.exp ?? 0) * 1000).toISOString(),
        },
      };
    } catch (error) {
      return {
        status: 401,
        body: { error: 'Unauthorized', reason: error instanceof Error ? error.message : 'Invalid token' },
      };
    }
  };
}
