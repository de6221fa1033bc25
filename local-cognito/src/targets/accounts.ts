/**
 * The account lifecycle as Cognito answers it: sign-up, its confirmation code, password reset (by the user or an
 * administrator) and password change. cognito-local has most of these targets but answers them unlike Cognito (no
 * password policy, codes that never expire and can be guessed forever, one code for both sign-up and reset,
 * unmasked destinations, PreventUserExistenceErrors ignored, `email_verified` never set); it lacks
 * ResendConfirmationCode and AdminResetUserPassword. What is Cognito's documented behaviour and what is a guess is
 * said where it is decided; codes.ts holds the code rules.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { randomUUID } from 'node:crypto';
import type { CodePurpose } from '../codes.js';
import {
  attemptLimitExceeded,
  codeMismatch,
  expiredCode,
  invalidParameter,
  notAuthorized,
  userNotFound,
  usernameExists,
} from '../errors.js';
import { maskDestination } from '../mask.js';
import type { MessageSource } from '../outbox.js';
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

type Attributes = Record<string, string>;

const masked = (details: DeliveryDetails): DeliveryDetails => ({
  ...details,
  Destination: maskDestination(details.Destination),
});

// Cognito's own checks are not published; these accept what a person would call an address or an E.164 number.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const PHONE = /^\+[0-9]{5,15}$/;

/** LEGACY clients learn that a user does not exist from the code-sending and code-taking calls. */
const noSuchUser = () => userNotFound('Username/client id combination not found.');

/**
 * What PreventUserExistenceErrors = ENABLED answers instead of "no such user" for the calls that send codes: a
 * delivery to "a simulated delivery medium", "determined by the input user name format and verification settings of
 * the user pool" (documented). So an address typed as the username gets that address, masked: the same answer as a
 * real user whose username is an email. For a username that is neither, which address Cognito invents is not
 * documented; here it is the username at example.com, masked (so "u***@e***").
 */
function decoyDelivery(username: string): DeliveryDetails {
  if (PHONE.test(username))
    return { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: maskDestination(username) };
  return {
    AttributeName: 'email',
    DeliveryMedium: 'EMAIL',
    Destination: maskDestination(username.includes('@') ? username : `${username}@example.com`),
  };
}

const delivery = (attribute: string, value: string): DeliveryDetails =>
  attribute === 'phone_number'
    ? { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: value }
    : { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: value };

/**
 * Where a sign-up code goes: the attributes the pool verifies automatically, the phone number first when the user
 * has both (documented: "Amazon Cognito sends a verification code only to the phone number").
 */
function signUpDelivery(pool: UserPoolService, attributes: Attributes): DeliveryDetails | undefined {
  const auto = pool.options.AutoVerifiedAttributes ?? [];
  for (const attribute of ['phone_number', 'email'] as const) {
    const value = attributes[attribute];
    if (auto.includes(attribute) && value) return delivery(attribute, value);
  }
  return undefined;
}

/**
 * Whether a contact attribute counts as verified. Cognito sends a reset code only to a verified email or phone
 * number (documented). cognito-local never sets `email_verified` itself (AdminCreateUser without it is how tests
 * make users), so here an attribute counts as verified unless it says `false`, or the user is unconfirmed and it
 * does not say `true`. Cognito would refuse an attribute that merely lacks the flag.
 */
function isVerified(user: User, attributes: Attributes, attribute: string): boolean {
  const flag = attributes[`${attribute}_verified`];
  if (!attributes[attribute] || flag === 'false') return false;
  return flag === 'true' || user.UserStatus !== 'UNCONFIRMED';
}

/**
 * Where a reset code goes: AccountRecoverySetting's mechanisms by priority, or without one Cognito's "legacy"
 * order, a verified phone number first, then a verified email (documented).
 */
function recoveryDelivery(pool: UserPoolService, user: User): DeliveryDetails | undefined {
  const attributes = attributesToRecord(user);
  const setting = (
    pool.options as { AccountRecoverySetting?: { RecoveryMechanisms?: { Name?: string; Priority?: number }[] } }
  ).AccountRecoverySetting;
  const order = setting?.RecoveryMechanisms?.length
    ? [...setting.RecoveryMechanisms]
        .sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))
        .map((m) => (m.Name === 'verified_phone_number' ? 'phone_number' : m.Name === 'verified_email' ? 'email' : ''))
    : ['phone_number', 'email'];
  for (const attribute of order) {
    if (attribute && isVerified(user, attributes, attribute)) return delivery(attribute, attributes[attribute]!);
  }
  return undefined;
}

/** Stores a new code of `purpose` for the user, then sends it: a code shown to anyone is already on disk. */
async function sendCode(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  clientId: string | null,
  user: User,
  purpose: CodePurpose,
  source: MessageSource,
  to: DeliveryDetails,
): Promise<User> {
  const code = compat.services.otp();
  const updated = compat.codes.issue(
    { ...user, UserLastModifiedDate: compat.services.clock.get() },
    purpose,
    code,
    to.AttributeName,
  );
  await pool.saveUser(ctx, updated);
  compat.outbox.send({
    source,
    userPoolId: pool.options.Id,
    clientId,
    user: updated,
    code,
    delivery: to,
    expiresAt: compat.codes.expiresAt(purpose),
  });
  return updated;
}

/**
 * Checks a code the user typed. A wrong one is counted (and saved) before the answer; the right one is for the
 * caller to consume in the same write as the change it allows.
 */
async function takeCode(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  user: User,
  purpose: CodePurpose,
  given: string,
): Promise<string> {
  const result = compat.codes.check(user, purpose, given);
  switch (result.outcome) {
    case 'ok':
      return result.attribute;
    case 'missing': // documented for ConfirmForgotPassword without a ForgotPassword; taken for sign-up codes too
    case 'expired':
      throw expiredCode();
    case 'locked':
      throw attemptLimitExceeded();
    case 'mismatch':
      await pool.saveUser(ctx, result.user);
      throw codeMismatch();
  }
}

/** Where the decoy reset code of a username, as typed, is kept (codes.ts). */
const decoyKey = (pool: UserPoolService, username: string): string => `${pool.options.Id}/${username}`;

/** The error a guess at a decoy reset code gets: the one a wrong guess at a real code would get at that point. */
function decoyAnswer(compat: Compat, pool: UserPoolService, username: string) {
  switch (compat.codes.checkDecoy(decoyKey(pool, username))) {
    case 'mismatch':
      return codeMismatch();
    case 'expired':
      return expiredCode();
    case 'locked':
      return attemptLimitExceeded();
  }
}

/** Runs a code-handling call with the user's other code-handling calls kept out (see Codes.serialize). */
const serialized = <T>(compat: Compat, pool: UserPoolService, username: string, task: () => Promise<T>): Promise<T> =>
  compat.codes.serialize(`${pool.options.Id}/${username}`, task);

function userAttributesOf(value: unknown): Attributes {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalidParameter('UserAttributes must be a list of { Name, Value }');
  const out: Attributes = {};
  for (const item of value as unknown[]) {
    const { Name, Value } = (item ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof Name !== 'string' || Name === '') throw invalidParameter('Every user attribute needs a Name');
    out[Name] = typeof Value === 'string' ? Value : '';
  }
  return out;
}

/**
 * The name Cognito gives a required attribute in "Attributes did not conform to the schema": its own for `name`
 * ("name.formatted", seen in answers), the attribute's name otherwise.
 */
const schemaName = (attribute: string): string => (attribute === 'name' ? 'name.formatted' : attribute);

/**
 * The username and attributes of a sign-up as Cognito checks them. Messages seen in Cognito's answers: "Username
 * should be an email.", "Username cannot be of email format, since user pool is configured for email alias.",
 * "Invalid email address format.", "Attributes did not conform to the schema: email: The attribute is required".
 * The phone-number variants and how several missing attributes are joined (one per line here) are guesses.
 */
function validateSignUp(pool: UserPoolService, username: string, given: Attributes): Attributes {
  const usernameAttributes = pool.options.UsernameAttributes ?? [];
  const aliases = pool.options.AliasAttributes ?? [];
  const attributes = { ...given };
  const byEmail = usernameAttributes.includes('email');
  const byPhone = usernameAttributes.includes('phone_number');
  if (byEmail || byPhone) {
    const isEmail = byEmail && EMAIL.test(username);
    const isPhone = byPhone && PHONE.test(username);
    if (!isEmail && !isPhone) {
      throw invalidParameter(
        byEmail && byPhone
          ? 'Username should be either an email or a phone number.'
          : byEmail
            ? 'Username should be an email.'
            : 'Username should be a phone number.',
      );
    }
    if (isEmail) attributes['email'] ??= username;
    if (isPhone) attributes['phone_number'] ??= username;
  } else {
    if (aliases.includes('email') && username.includes('@')) {
      throw invalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
    }
    if (aliases.includes('phone_number') && PHONE.test(username)) {
      throw invalidParameter(
        'Username cannot be of phone number format, since user pool is configured for phone number alias.',
      );
    }
  }
  if (attributes['email'] !== undefined && !EMAIL.test(attributes['email']))
    throw invalidParameter('Invalid email address format.');
  if (attributes['phone_number'] !== undefined && !PHONE.test(attributes['phone_number']))
    throw invalidParameter('Invalid phone number format.');

  const missing = (pool.options.SchemaAttributes ?? [])
    .filter((a) => a.Required && a.Name && a.Name !== 'sub' && !attributes[a.Name])
    .map((a) => `${schemaName(a.Name!)}: The attribute is required`);
  if (missing.length) throw invalidParameter(`Attributes did not conform to the schema: ${missing.join('\n')}`);
  return attributes;
}

/**
 * Cognito's words for a taken username: with email (or phone number) as the username, the one seen in its answers
 * to sign-up forms, "An account with the given email already exists."; otherwise "User already exists"
 * (cognito-local's, and what Cognito is reported to answer for plain usernames).
 */
function taken(pool: UserPoolService, username: string) {
  const usernameAttributes = pool.options.UsernameAttributes ?? [];
  if (usernameAttributes.includes('email') && username.includes('@'))
    return usernameExists('An account with the given email already exists.');
  if (usernameAttributes.includes('phone_number') && PHONE.test(username))
    return usernameExists('An account with the given phone_number already exists.');
  return usernameExists();
}

export const SignUp =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    const password = requireString(req, 'Password');
    const attributes = validateSignUp(pool, username, userAttributesOf(req['UserAttributes']));
    assertPasswordPolicy(password, passwordPolicy(pool));

    return serialized(compat, pool, username, async () => {
      // cognito-local's lookup also finds the user by email when email is the username: an unconfirmed user
      // holds the address too, as in Cognito.
      if (await pool.getUserByUsername(ctx, username)) throw taken(pool, username);
      const sub = randomUUID();
      const now = compat.services.clock.get();
      const { sub: _ignored, ...rest } = attributes;
      const user: User = {
        // With email or phone number as the username, Cognito's username is the sub.
        Username: (pool.options.UsernameAttributes ?? []).length ? sub : username,
        Password: password,
        Attributes: Object.entries({ sub, ...rest }).map(([Name, Value]) => ({ Name, Value })),
        Enabled: true,
        UserStatus: 'UNCONFIRMED',
        RefreshTokens: [],
        UserCreateDate: now,
        UserLastModifiedDate: now,
      };
      // Without an attribute to verify automatically, Cognito sends no code: an administrator confirms the user.
      const to = signUpDelivery(pool, attributesToRecord(user));
      if (to) await sendCode(compat, ctx, pool, client.ClientId, user, 'SignUp', 'SignUp', to);
      else await pool.saveUser(ctx, user);
      return { UserConfirmed: false, UserSub: sub, ...(to ? { CodeDeliveryDetails: masked(to) } : {}) };
    });
  };

export const ConfirmSignUp =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    const code = requireString(req, 'ConfirmationCode');
    return serialized(compat, pool, username, async () => {
      const user = await pool.getUserByUsername(ctx, username);
      // Not documented for ENABLED; a wrong code is what an unknown user's answer must look like (a guess).
      if (!user) throw hidesUsers(client) ? codeMismatch() : noSuchUser();
      // Cognito's answer to a second confirmation, whatever the code.
      if (user.UserStatus !== 'UNCONFIRMED')
        throw notAuthorized(`User cannot be confirmed. Current status is ${user.UserStatus}`);
      const attribute = await takeCode(compat, ctx, pool, user, 'SignUp', code);
      // Confirming with a code verifies the attribute it was sent to (documented); cognito-local leaves it out.
      const verified = { ...attributesToRecord(user), [`${attribute}_verified`]: 'true' };
      await pool.saveUser(ctx, {
        ...compat.codes.consume(user, 'SignUp'),
        Attributes: Object.entries(verified).map(([Name, Value]) => ({ Name, Value })),
        UserStatus: 'CONFIRMED',
        UserLastModifiedDate: compat.services.clock.get(),
      });
      return {};
    });
  };

export const ResendConfirmationCode =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    return serialized(compat, pool, username, async () => {
      const user = await pool.getUserByUsername(ctx, username);
      // Documented: with ENABLED, a user that does not exist or is disabled gets CodeDeliveryDetails.
      if (!user || !user.Enabled) {
        if (hidesUsers(client)) return { CodeDeliveryDetails: decoyDelivery(username) };
        throw user ? notAuthorized('User is disabled.') : noSuchUser();
      }
      if (user.UserStatus !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
      const to = signUpDelivery(pool, attributesToRecord(user));
      if (!to) throw invalidParameter('Cannot resend codes. Auto verification not turned on.');
      // The new code replaces the previous one, which then fails as a wrong code.
      await sendCode(compat, ctx, pool, client.ClientId, user, 'SignUp', 'ResendCode', to);
      return { CodeDeliveryDetails: masked(to) };
    });
  };

export const ForgotPassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    return serialized(compat, pool, username, async () => {
      const user = await pool.getUserByUsername(ctx, username);
      const to = user?.Enabled ? recoveryDelivery(pool, user) : undefined;
      // Documented: with ENABLED, a user that does not exist, is disabled or has no verified email or phone number
      // gets CodeDeliveryDetails "with a simulated delivery medium". A user with a temporary password
      // (FORCE_CHANGE_PASSWORD) too: LEGACY clients are reported to get NotAuthorizedException (below), and an
      // ENABLED client is reported to "fail silently", no code sent (aws-amplify/amplify-js#6543, 2020); answering
      // as for an unknown email is also what keeps the account hidden.
      if (!user || !to || user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
        if (hidesUsers(client)) {
          // Guess: the decoy code ConfirmForgotPassword then counts, as it counts a code that was sent (codes.ts).
          compat.codes.issueDecoy(decoyKey(pool, username));
          return { CodeDeliveryDetails: decoyDelivery(username) };
        }
        if (!user) throw noSuchUser();
        if (!user.Enabled) throw notAuthorized('User is disabled.');
        // A user with a temporary password signs in with it instead (Cognito's message, reported for LEGACY).
        if (user.UserStatus === 'FORCE_CHANGE_PASSWORD')
          throw notAuthorized('User password cannot be reset in the current state.');
        throw invalidParameter(
          'Cannot reset password for the user as there is no registered/verified email or phone_number',
        );
      }
      compat.codes.dropDecoy(decoyKey(pool, username));
      await sendCode(compat, ctx, pool, client.ClientId, user, 'ForgotPassword', 'ForgotPassword', to);
      return { CodeDeliveryDetails: masked(to) };
    });
  };

export const ConfirmForgotPassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const username = requireString(req, 'Username');
    const code = requireString(req, 'ConfirmationCode');
    const password = requireString(req, 'Password');
    assertPasswordPolicy(password, passwordPolicy(pool));
    return serialized(compat, pool, username, async () => {
      const user = await pool.getUserByUsername(ctx, username);
      const hiding = hidesUsers(client);
      // Documented: with ENABLED, CodeMismatchException for users that do not exist or are disabled. Guessed: not
      // forever. Their decoy code locks after as many wrong codes as a real one, with the same
      // LimitExceededException, and expires with the same ExpiredCodeException (codes.ts), so six guesses tell
      // nothing. So does the decoy of a user ForgotPassword answered without sending a code (no verified address,
      // FORCE_CHANGE_PASSWORD).
      if (!user || !user.Enabled) {
        if (hiding) throw decoyAnswer(compat, pool, username);
        throw user ? notAuthorized('User is disabled.') : noSuchUser();
      }
      if (hiding && compat.codes.hasDecoy(decoyKey(pool, username))) throw decoyAnswer(compat, pool, username);
      // A user who asked for no code: ExpiredCodeException (documented), whatever the status.
      await takeCode(compat, ctx, pool, user, 'ForgotPassword', code);
      // A reset ends RESET_REQUIRED (an administrator's reset) as it ends a forgotten password.
      await pool.saveUser(ctx, {
        ...compat.codes.consume(user, 'ForgotPassword'),
        Password: password,
        UserStatus: 'CONFIRMED',
        UserLastModifiedDate: compat.services.clock.get(),
      });
      return {};
    });
  };

/**
 * Documented: "Deactivates a user's password, requiring them to change it. If a user tries to sign in after the
 * API request, Amazon Cognito responds with a PasswordResetRequiredException error", and sends a reset code when
 * the user has a verified email or phone number. cognito-local lacks it.
 */
export const AdminResetUserPassword =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const pool = await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId'));
    const username = requireString(req, 'Username');
    return serialized(compat, pool, username, async () => {
      const user = await pool.getUserByUsername(ctx, username);
      if (!user) throw userNotFound('User does not exist.');
      if (!user.Enabled) throw notAuthorized('User is disabled.');
      const to = recoveryDelivery(pool, user);
      const reset: User = { ...user, UserStatus: 'RESET_REQUIRED', UserLastModifiedDate: compat.services.clock.get() };
      if (to) await sendCode(compat, ctx, pool, null, reset, 'ForgotPassword', 'AdminResetUserPassword', to);
      else await pool.saveUser(ctx, compat.codes.consume(reset, 'ForgotPassword'));
      return {};
    });
  };

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
