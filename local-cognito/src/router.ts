/**
 * The compatibility layer: this project's targets where cognito-local is missing or unlike Cognito, cognito-local's
 * own for the rest, and Cognito's access-token check (signature, expiry, revocation) in front of every call that
 * carries one, where cognito-local only decodes it.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import {
  ChangePassword,
  ConfirmForgotPassword,
  ForgotPassword,
  ResendConfirmationCode,
  SignUp,
  withPolicyOn,
} from './targets/accounts.js';
import { GetTokensFromRefreshToken } from './targets/refresh.js';
import type { Compat, Request, Target } from './targets/shared.js';
import { InitiateAuth, RespondToAuthChallenge } from './targets/sign-in.js';
import { GlobalSignOut, RevokeToken } from './targets/sign-out.js';

const OWN_TARGETS: Record<string, (compat: Compat) => Target> = {
  InitiateAuth,
  RespondToAuthChallenge,
  GetTokensFromRefreshToken,
  RevokeToken,
  GlobalSignOut,
  ChangePassword,
  SignUp,
  ForgotPassword,
  ConfirmForgotPassword,
  ResendConfirmationCode,
  AdminCreateUser: withPolicyOn('AdminCreateUser', 'TemporaryPassword'),
  AdminSetUserPassword: withPolicyOn('AdminSetUserPassword', 'Password'),
};

export type CompatRouter = (target: string) => (ctx: Context, req: Request) => Promise<object>;

export function createRouter(compat: Compat): CompatRouter {
  const own = new Map(Object.entries(OWN_TARGETS).map(([name, make]) => [name, make(compat)]));
  return (target) => {
    const route = own.get(target);
    if (route) return route;
    const base = compat.base(target);
    return async (ctx, req) => {
      if ('AccessToken' in req) compat.tokens.verifyAccessToken(req['AccessToken']);
      return (await base(ctx, req)) as object;
    };
  };
}
