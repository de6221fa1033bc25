/**
 * The compatibility layer: this project's targets where cognito-local is missing or unlike Cognito, cognito-local's
 * own for the rest, and Cognito's access-token check (signature, expiry, revocation) in front of every call that
 * carries one, where cognito-local only decodes it.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import { isSupportedTarget } from 'cognito-local/lib/targets/Target.js';
import { CognitoError } from './errors.js';
import {
  AdminResetUserPassword,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  ForgotPassword,
  ResendConfirmationCode,
  SignUp,
  withPolicyOn,
} from './targets/accounts.js';
import {
  AdminGetUser,
  AdminSetUserMFAPreference,
  AssociateSoftwareToken,
  GetUser,
  GetUserPoolMfaConfig,
  SetUserMFAPreference,
  SetUserPoolMfaConfig,
  VerifySoftwareToken,
} from './targets/mfa.js';
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
  ConfirmSignUp,
  ForgotPassword,
  ConfirmForgotPassword,
  ResendConfirmationCode,
  AdminResetUserPassword,
  SetUserPoolMfaConfig,
  GetUserPoolMfaConfig,
  AssociateSoftwareToken,
  VerifySoftwareToken,
  SetUserMFAPreference,
  AdminSetUserMFAPreference,
  GetUser,
  AdminGetUser,
  AdminCreateUser: withPolicyOn('AdminCreateUser', 'TemporaryPassword'),
  AdminSetUserPassword: withPolicyOn('AdminSetUserPassword', 'Password'),
};

/**
 * An operation neither this layer nor cognito-local has, as AWS's JSON services answer one they do not have: HTTP
 * 400 `UnknownOperationException`, which the SDKs do not retry (they retry every 5xx). Seen from real AWS JSON 1.1
 * services (aws/aws-sdk-js#425: OpsWorks, statusCode 400, retryable false; aws/aws-sdk-net#1536: CloudWatch Logs,
 * BadRequest). Not verified against Cognito itself, whose documentation does not say; it also covers real Cognito
 * operations this service lacks (WebAuthn, devices), for which "not here" is the truthful answer.
 */
const unknownOperation = (target: string): CognitoError =>
  new CognitoError('UnknownOperationException', `The local Cognito service has no operation ${target}`);

export type CompatRouter = (target: string) => (ctx: Context, req: Request) => Promise<object>;

export function createRouter(compat: Compat): CompatRouter {
  const own = new Map(Object.entries(OWN_TARGETS).map(([name, make]) => [name, make(compat)]));
  return (target) => {
    const route = own.get(target);
    if (route) return route;
    if (!isSupportedTarget(target)) return () => Promise.reject(unknownOperation(target));
    const base = compat.base(target);
    return async (ctx, req) => {
      if ('AccessToken' in req) compat.tokens.verifyAccessToken(req['AccessToken']);
      return (await base(ctx, req)) as object;
    };
  };
}
