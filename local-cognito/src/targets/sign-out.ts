/**
 * Revocation, which cognito-local only pretends to do: RevokeToken ends one sign-in (its refresh token and every
 * access and ID token it produced), GlobalSignOut ends all of the user's sign-ins.
 */
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import { clientAndPool, requireString, type Compat, type Target } from './shared.js';

export const RevokeToken =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client } = await clientAndPool(compat, ctx, req['ClientId']);
    const token = requireString(req, 'Token');
    if (compat.tokens.decodeVerified(token)) {
      throw new CognitoError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    }
    const found = compat.state.sessionOfRefreshToken(token);
    // Revoking an unknown or already revoked token succeeds, as in Cognito.
    if (found) {
      if (found.session.clientId !== client.ClientId) throw notAuthorized('Invalid Refresh Token');
      await compat.state.revoke(found.originJti, Math.floor(compat.services.clock.get().getTime() / 1000));
    }
    return {};
  };

export const GlobalSignOut =
  (compat: Compat): Target =>
  async (_ctx, req) => {
    const claims = compat.tokens.verifyAccessToken(req['AccessToken']);
    const session = compat.state.session(claims.origin_jti);
    if (!session) throw invalidParameter('Invalid Access Token');
    await compat.state.revokeAllOf(
      session.userPoolId,
      session.username,
      Math.floor(compat.services.clock.get().getTime() / 1000),
    );
    return {};
  };
