/**
 * The MFA part of a sign-in: which challenge follows a proven password (mfa.ts decides), the codes sent for SMS and
 * email, and the answers to SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE and MFA_SETUP, ending in tokens.
 *
 * Code lifetime: "The SMS text message authorization code is valid for the Authentication flow session duration
 * that you set for your app client" (Cognito developer guide, SMS text message MFA; AuthSessionValidity, 3 to 15
 * minutes, default 3). For email codes the guide says nothing; the same lifetime is assumed (a guess). A code lives
 * in its challenge session and expires with it.
 *
 * A wrong code: CodeMismatchException "Invalid code received for user" (seen), and the session stays open for
 * another try. Cognito does not document retries. That a retry on the same session works is what Amplify's
 * libraries are built for: amplify-swift "Enable retrying when confirm signIn fails" (aws-amplify/amplify-swift
 * PR #2617, after issue #2615 "Cannot resubmit MFA code"), amplify-flutter "Allow retries with verifyTotpSetup()"
 * (PR #4532), and aws-amplify 6's confirmSignIn keeps the session after an error. How many wrong codes a session
 * takes is not known: here five (MFA_ATTEMPTS, a guess), after which the session is closed and the next answer is
 * NotAuthorizedException "Invalid session for the user, session is expired.".
 */
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import type { OpenSession } from '../challenges.js';
import { invalidParameter, mfaCodeMismatch, notAuthorized, softwareTokenReused } from '../errors.js';
import { maskDestination } from '../mask.js';
import {
  attribute,
  checkTotp,
  messageCode,
  nextStep,
  poolMfa,
  type MfaFactor,
  type MfaUser,
  type SoftwareToken,
} from '../mfa.js';
import { attributesToRecord, type Compat, type Request } from './shared.js';

/** Wrong codes one challenge session takes before it is closed (a guess, see above). */
export const MFA_ATTEMPTS = 5;

/** The lifetime of a challenge session (and of the code it carries) for `client`. */
export function sessionTtlMs(compat: Compat, client: AppClient): number {
  const minutes = (client as AppClient & { AuthSessionValidity?: number }).AuthSessionValidity;
  return typeof minutes === 'number' && minutes > 0 ? minutes * 60_000 : compat.challenges.ttlMs;
}

/**
 * Runs `task` with the user as stored now, after every other MFA read-check-save of the same user has finished
 * (Codes.serialize): two calls with the same TOTP code both read the old LastUsedStep otherwise, and both pass.
 * `missing` is the error for a user deleted since the caller looked them up.
 */
export const withStoredUser = <T>(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  username: string,
  missing: () => Error,
  task: (user: User) => Promise<T>,
): Promise<T> =>
  compat.codes.serialize(`${pool.options.Id}/${username}`, async () => {
    const user = await pool.getUserByUsername(ctx, username);
    if (!user) throw missing();
    return task(user);
  });

/** Tokens for a user whose sign-in is complete (our issuer; the sign-in is on disk first). */
export async function issueTokens(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
): Promise<object> {
  const groups = await pool.listUserGroupMembership(ctx, user);
  const tokens = await compat.tokens.generate(ctx, user, groups, client);
  return { ChallengeParameters: {}, AuthenticationResult: compat.tokens.complete(tokens, client) };
}

/** After the password (and a new one, if required): an MFA challenge, or tokens. */
export async function mfaOrTokens(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
): Promise<object> {
  const step = nextStep(poolMfa(pool), user as MfaUser);
  switch (step.kind) {
    case 'tokens':
      return issueTokens(compat, ctx, pool, client, user);
    case 'challenge':
      return startFactor(compat, ctx, pool, client, user, step.factor);
    case 'select':
      return challenge(
        compat,
        client,
        user,
        'SELECT_MFA_TYPE',
        { MFAS_CAN_CHOOSE: JSON.stringify(step.factors) },
        {
          choices: step.factors,
        },
      );
    case 'setup':
      return challenge(compat, client, user, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(step.factors) }, {});
  }
}

/** A challenge answer with a new session. Every MFA challenge names the user as USER_ID_FOR_SRP, as Cognito's do. */
function challenge(
  compat: Compat,
  client: AppClient,
  user: User,
  name: string,
  parameters: Record<string, string>,
  extra: Partial<OpenSession>,
): object {
  return {
    ChallengeName: name,
    ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: user.Username },
    Session: compat.challenges.create(
      { challengeName: name, clientId: client.ClientId, username: user.Username, userExists: true, ...extra },
      sessionTtlMs(compat, client),
    ),
  };
}

/** The challenge of one factor; for SMS and email, the code is sent first. */
function startFactor(
  compat: Compat,
  _ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
  factor: MfaFactor,
  setupEmail?: string,
): object {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    const device = (user as MfaUser).SoftwareTokenMfaConfiguration?.FriendlyDeviceName;
    return challenge(compat, client, user, factor, device ? { FRIENDLY_DEVICE_NAME: device } : {}, {});
  }
  const sms = factor === 'SMS_MFA';
  const destination = setupEmail ?? attribute(user, sms ? 'phone_number' : 'email');
  if (destination === undefined) throw invalidParameter(`User has no ${sms ? 'phone_number' : 'email'} for ${factor}`);
  const code = messageCode();
  const ttl = sessionTtlMs(compat, client);
  compat.outbox.send({
    source: 'Authentication',
    userPoolId: pool.options.Id,
    clientId: client.ClientId,
    user,
    code,
    delivery: sms
      ? { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: destination }
      : { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: destination },
    expiresAt: new Date(Date.now() + ttl),
  });
  return challenge(
    compat,
    client,
    user,
    factor,
    { CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL', CODE_DELIVERY_DESTINATION: maskDestination(destination) },
    { code: { value: code, destination, ...(setupEmail ? { setup: true } : {}) } },
  );
}

/** A wrong code: the session stays open for another try, up to MFA_ATTEMPTS wrong codes in all. */
function refuse(compat: Compat, sessionId: string, session: OpenSession, error: Error): never {
  const failures = (session.failures ?? 0) + 1;
  if (failures < MFA_ATTEMPTS) compat.challenges.reopen(sessionId, { ...session, failures });
  throw error;
}

function withAttributes(user: User, values: Record<string, string>): User {
  const record = { ...attributesToRecord(user), ...values };
  return { ...user, Attributes: Object.entries(record).map(([Name, Value]) => ({ Name, Value })) };
}

function withFactor(user: User, factor: MfaFactor, preferred: boolean): User {
  const list = new Set(user.UserMFASettingList ?? []);
  list.add(factor);
  return {
    ...user,
    UserMFASettingList: [...list],
    ...(preferred || !user.PreferredMfaSetting ? { PreferredMfaSetting: factor } : {}),
  };
}

/**
 * RespondToAuthChallenge for the MFA challenges, the session already taken and bound to `user`. The answer is
 * checked against the user as stored, under the user's serialization (withStoredUser): a TOTP code is accepted once.
 */
export function answerMfa(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
  sessionId: string,
  session: OpenSession,
  responses: Request,
): Promise<object> {
  return withStoredUser(
    compat,
    ctx,
    pool,
    user.Username,
    () => notAuthorized('User does not exist.'),
    (stored) => answerStored(compat, ctx, pool, client, stored, sessionId, session, responses),
  );
}

async function answerStored(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
  sessionId: string,
  session: OpenSession,
  responses: Request,
): Promise<object> {
  const now = () => compat.services.clock.get();
  switch (session.challengeName) {
    case 'SMS_MFA':
    case 'EMAIL_OTP': {
      const sms = session.challengeName === 'SMS_MFA';
      const given = responses[sms ? 'SMS_MFA_CODE' : 'EMAIL_OTP_CODE'];
      if (!session.code || given !== session.code.value) refuse(compat, sessionId, session, mfaCodeMismatch());
      // Documented: the first MFA with a code marks the address verified. An email set up in MFA_SETUP becomes the
      // user's email and their email MFA factor (a guess at what Cognito stores).
      let updated = withAttributes(
        user,
        sms
          ? { phone_number_verified: 'true' }
          : { ...(session.code.setup ? { email: session.code.destination } : {}), email_verified: 'true' },
      );
      if (session.code.setup) updated = withFactor(updated, 'EMAIL_OTP', false);
      await pool.saveUser(ctx, { ...updated, UserLastModifiedDate: now() });
      return issueTokens(compat, ctx, pool, client, updated);
    }
    case 'SOFTWARE_TOKEN_MFA': {
      const token = (user as MfaUser).SoftwareTokenMfaConfiguration;
      if (!token?.Verified) refuse(compat, sessionId, session, mfaCodeMismatch());
      const check = checkTotp(token.Secret, responses['SOFTWARE_TOKEN_MFA_CODE'], token.LastUsedStep);
      if (check.outcome === 'mismatch') refuse(compat, sessionId, session, mfaCodeMismatch());
      if (check.outcome === 'reused') refuse(compat, sessionId, session, softwareTokenReused());
      const updated: MfaUser = {
        ...user,
        SoftwareTokenMfaConfiguration: { ...token, LastUsedStep: check.step } satisfies SoftwareToken,
        UserLastModifiedDate: now(),
      };
      await pool.saveUser(ctx, updated);
      return issueTokens(compat, ctx, pool, client, updated);
    }
    case 'SELECT_MFA_TYPE': {
      const answer = responses['ANSWER'];
      if (typeof answer !== 'string' || !(session.choices ?? []).includes(answer))
        throw invalidParameter(`ANSWER must be one of ${JSON.stringify(session.choices ?? [])}`);
      return startFactor(compat, ctx, pool, client, user, answer as MfaFactor);
    }
    case 'MFA_SETUP': {
      const mfa = poolMfa(pool);
      if (session.totpVerified) {
        const updated = withFactor(user, 'SOFTWARE_TOKEN_MFA', true);
        await pool.saveUser(ctx, { ...updated, UserLastModifiedDate: now() });
        return issueTokens(compat, ctx, pool, client, updated);
      }
      const email = responses['EMAIL'];
      if (typeof email === 'string' && mfa.factors.has('EMAIL_OTP')) {
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalidParameter('Invalid email address format.');
        return startFactor(compat, ctx, pool, client, user, 'EMAIL_OTP', email);
      }
      // Neither a verified token nor an address: what Cognito answers is not documented (a guess).
      throw invalidParameter('MFA setup is not complete: verify a software token with this session, or give EMAIL');
    }
    default:
      throw invalidParameter(`Unknown MFA challenge ${session.challengeName}`);
  }
}
