/**
 * Account targets that cognito-local has but answers unlike Cognito, and ResendConfirmationCode, which it lacks:
 * the password policy on every password a user or admin sets, NotAuthorizedException for a wrong old password,
 * masked delivery destinations, and PreventUserExistenceErrors for the code-sending calls.
 */
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { CognitoError, invalidParameter, notAuthorized, userNotFound } from '../errors.js';
import { assertPasswordPolicy } from '../password-policy.js';
import {
  attributesToRecord,
  clientAndPool,
  hidesUsers,
  passwordPolicy,
  requireString,
  type Compat,
  type Target,
} from './shared.js';
import { maskDestination } from '../mask.js';


const masked = (details: DeliveryDetails | undefined) =>
  details ? { ...details, Destination: maskDestination(details.Destination) } : undefined;

/** What Cognito answers for an unknown user when it must not reveal that the user does not exist. */
const decoyDelivery = (username: string) => ({
  AttributeName: 'email',
  DeliveryMedium: 'EMAIL',
  Destination: maskDestination(username.includes('@') ? username : `${username}@example.com`),
});

export const ChangePassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const claims = compat.tokens.verifyAccessToken(req['AccessToken']);
    const previous = requireString(req, 'PreviousPassword');
    const proposed = requireString(req, 'ProposedPassword');
    const { pool } = await clientAndPool(compat, ctx, claims.client_id);
    const user = await pool.getUserByUsername(ctx, claims.username);
    if (!user) throw notAuthorized('User does not exist.');
    if (user.Password !== previous) throw notAuthorized();
    assertPasswordPolicy(proposed, passwordPolicy(pool));
    await pool.saveUser(ctx, { ...user, Password: proposed, UserLastModifiedDate: compat.services.clock.get() });
    return {};
  };

export const SignUp =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { pool } = await clientAndPool(compat, ctx, req['ClientId']);
    requireString(req, 'Username');
    assertPasswordPolicy(requireString(req, 'Password'), passwordPolicy(pool));
    const result = (await compat.base('SignUp')(ctx, req)) as { CodeDeliveryDetails?: DeliveryDetails };
    return { ...result, CodeDeliveryDetails: masked(result.CodeDeliveryDetails) };
  };

export const ConfirmForgotPassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    requireString(req, 'ConfirmationCode');
    assertPasswordPolicy(requireString(req, 'Password'), passwordPolicy(pool));
    if (!(await pool.getUserByUsername(ctx, username))) {
      if (hidesUsers(client)) throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
      throw userNotFound('Username/client id combination not found.');
    }
    return compat.base('ConfirmForgotPassword')(ctx, req);
  };

export const ForgotPassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    if (!(await pool.getUserByUsername(ctx, username))) {
      if (hidesUsers(client)) return { CodeDeliveryDetails: decoyDelivery(username) };
      throw userNotFound('Username/client id combination not found.');
    }
    const result = (await compat.base('ForgotPassword')(ctx, req)) as { CodeDeliveryDetails?: DeliveryDetails };
    return { CodeDeliveryDetails: masked(result.CodeDeliveryDetails) };
  };

export const ResendConfirmationCode =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    const user = await pool.getUserByUsername(ctx, username);
    if (!user) {
      if (hidesUsers(client)) return { CodeDeliveryDetails: decoyDelivery(username) };
      throw userNotFound('Username/client id combination not found.');
    }
    if (user.UserStatus !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
    const email = attributesToRecord(user)['email'];
    if (!email) throw invalidParameter('Cannot resend codes. Auto verification not turned on.');
    const delivery: DeliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
    const code = compat.services.otp();
    await compat.services.messages.deliver(ctx, 'ResendCode', client.ClientId, pool.options.Id, user, code, undefined, delivery);
    await pool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: compat.services.clock.get() });
    return { CodeDeliveryDetails: masked(delivery) };
  };

/** Admin calls that set a password must meet the policy too. */
export const withPolicyOn =
  (target: string, field: string) =>
  (compat: Compat): Target =>
  async (ctx, req) => {
    const password = req[field];
    if (password !== undefined) {
      const pool = await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId'));
      assertPasswordPolicy(password, passwordPolicy(pool));
    }
    return compat.base(target)(ctx, req);
  };

