/**
 * Refreshing: GetTokensFromRefreshToken (what aws-amplify ≥ 6.15.4 calls; cognito-local lacks it) and
 * InitiateAuth REFRESH_TOKEN_AUTH share one implementation over this layer's record of issued refresh tokens,
 * so every refresh token works, including one issued after NEW_PASSWORD_REQUIRED, and revoked ones do not.
 */
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { notAuthorized } from '../errors.js';
import { clientAndPool, requireString, type Compat, type Target } from './shared.js';

export async function refreshTokens(
  compat: Compat,
  ctx: Context,
  client: AppClient,
  pool: UserPoolService,
  refreshToken: string,
): Promise<object> {
  const found = compat.state.sessionOfRefreshToken(refreshToken);
  if (!found || found.session.clientId !== client.ClientId) throw notAuthorized('Invalid Refresh Token');
  const { originJti, session } = found;
  if (session.revokedAt !== undefined) throw notAuthorized('Refresh Token has been revoked');
  if (session.expiresAt <= Math.floor(compat.services.clock.get().getTime() / 1000)) {
    throw notAuthorized('Refresh Token has expired');
  }
  const user = await pool.getUserByUsername(ctx, session.username);
  if (!user) throw notAuthorized('User does not exist.');
  if (!user.Enabled) throw notAuthorized('User is disabled.');

  const groups = await pool.listUserGroupMembership(ctx, user);
  const tokens = compat.tokens.refresh(user, groups, client, originJti, session.issuedAt);
  return { ChallengeParameters: {}, AuthenticationResult: compat.tokens.complete(tokens, client) };
}

export const GetTokensFromRefreshToken =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const result = (await refreshTokens(compat, ctx, client, pool, requireString(req, 'RefreshToken'))) as {
      AuthenticationResult: object;
    };
    return { AuthenticationResult: result.AuthenticationResult };
  };
