/**
 * InitiateAuth and RespondToAuthChallenge as Cognito answers them:
 * - USER_SRP_AUTH (Amplify's default), which cognito-local lacks, with a real proof check;
 * - USER_PASSWORD_AUTH with Cognito's error names (a wrong password, temporary or not, is NotAuthorizedException);
 * - unknown users per the client's PreventUserExistenceErrors, "Password attempts exceeded" after repeated failures;
 * - PasswordResetRequiredException at InitiateAuth for a user whose password an administrator reset (see below);
 * - sessions bound to one challenge, client and user; NEW_PASSWORD_REQUIRED with the policy and required attributes.
 * - once the password is proven, MFA as Cognito does it (mfa-sign-in.ts), or tokens.
 */
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { invalidParameter, notAuthorized, passwordResetRequired, unsupported, userNotConfirmed } from '../errors.js';
import { assertPasswordPolicy } from '../password-policy.js';
import { startDecoyVerifier, startPasswordVerifier, verifyPasswordClaim } from '../srp.js';
import { answerMfa, mfaOrTokens, sessionTtlMs } from './mfa-sign-in.js';
import { refreshTokens } from './refresh.js';
import {
  attributesToRecord,
  clientAndPool,
  hidesUsers,
  lockoutKey,
  params,
  passwordPolicy,
  poolName,
  requireString,
  unknownUser,
  type Compat,
  type Request,
  type Target,
} from './shared.js';

/** Cognito's default when a client names no flows. Legacy names (without ALLOW_) count as their new names. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];

function assertFlowEnabled(client: AppClient, flow: string): void {
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') return; // always on in Cognito
  const flows = client.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows : DEFAULT_FLOWS;
  const enabled = flows.some(
    (f) => f === `ALLOW_${flow}` || f === flow || (flow === 'USER_SRP_AUTH' && f === 'ALLOW_USER_SRP_AUTH'),
  );
  if (!enabled) throw invalidParameter(`${flow} flow not enabled for this client`);
}

/**
 * A user in RESET_REQUIRED has no password to check: AdminResetUserPassword "deactivates" it and imported users
 * never had one (documented), so the answer comes at InitiateAuth, before any proof, in both flows, whatever the
 * password. Where Cognito answers it in SRP is not documented; that it comes at the first call is what an AWS SDK
 * report describes (no Session yet to answer a challenge with). An AWS engineer verified in 2020 that it comes
 * whether or not PreventUserExistenceErrors is on (the older documentation said NotAuthorizedException then).
 * aws-amplify turns it into the RESET_PASSWORD sign-in step from either call.
 */
function assertPasswordUsable(user: User): void {
  if (user.UserStatus === 'RESET_REQUIRED') throw passwordResetRequired();
}

export const InitiateAuth =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const flow = requireString(req, 'AuthFlow');
    assertFlowEnabled(client, flow);
    const auth = params(req, 'AuthParameters');

    switch (flow) {
      case 'USER_SRP_AUTH': {
        const username = requireString(auth, 'USERNAME');
        const A = requireString(auth, 'SRP_A');
        const user = await pool.getUserByUsername(ctx, username);
        if (!user && !hidesUsers(client)) throw unknownUser(client);
        if (user) assertPasswordUsable(user);
        // An unknown user gets a challenge that looks like any other and fails at the proof.
        const userId = user?.Username ?? username;
        const srp = user ? startPasswordVerifier(poolName(pool), user.Username, user.Password) : startDecoyVerifier();
        const session = compat.challenges.create({
          challengeName: 'PASSWORD_VERIFIER',
          clientId: client.ClientId,
          username: userId,
          srp: { ...srp, A },
          userExists: user !== null,
        });
        return {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: srp.salt,
            SECRET_BLOCK: srp.secretBlock,
            SRP_B: srp.B,
            USERNAME: userId,
            USER_ID_FOR_SRP: userId,
          },
          Session: session,
        };
      }
      case 'USER_PASSWORD_AUTH': {
        const username = requireString(auth, 'USERNAME');
        const password = requireString(auth, 'PASSWORD');
        const user = await pool.getUserByUsername(ctx, username);
        if (!user) throw unknownUser(client);
        assertPasswordUsable(user);
        compat.lockout.assertOpen(lockoutKey(pool, user));
        if (user.Password !== password) {
          compat.lockout.fail(lockoutKey(pool, user));
          throw notAuthorized();
        }
        return afterPasswordProof(compat, ctx, pool, client, user);
      }
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshTokens(compat, ctx, client, pool, requireString(auth, 'REFRESH_TOKEN'));
      default:
        throw unsupported(`InitiateAuth with AuthFlow=${flow}`);
    }
  };

export const RespondToAuthChallenge =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { client, pool } = await clientAndPool(compat, ctx, req['ClientId']);
    const challengeName = requireString(req, 'ChallengeName');
    const responses = params(req, 'ChallengeResponses');
    const username = requireString(responses, 'USERNAME');
    const session = compat.challenges.take(req['Session'], challengeName, client.ClientId);

    const user = session.userExists ? await pool.getUserByUsername(ctx, session.username) : null;
    if (
      !user ||
      (username !== session.username && (await pool.getUserByUsername(ctx, username))?.Username !== user.Username)
    ) {
      throw notAuthorized();
    }

    switch (challengeName) {
      case 'PASSWORD_VERIFIER': {
        const key = lockoutKey(pool, user);
        compat.lockout.assertOpen(key);
        const proven =
          session.srp !== undefined &&
          verifyPasswordClaim(session.srp, poolName(pool), user.Username, {
            A: session.srp.A,
            secretBlock: requireString(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'),
            timestamp: requireString(responses, 'TIMESTAMP'),
            signature: requireString(responses, 'PASSWORD_CLAIM_SIGNATURE'),
          });
        if (!proven) {
          compat.lockout.fail(key);
          throw notAuthorized();
        }
        return afterPasswordProof(compat, ctx, pool, client, user);
      }
      case 'NEW_PASSWORD_REQUIRED': {
        const password = requireString(responses, 'NEW_PASSWORD');
        assertPasswordPolicy(password, passwordPolicy(pool));
        const given = challengeAttributes(responses);
        const missing = missingRequiredAttributes(pool, user, given);
        if (missing.length) throw invalidParameter(`Invalid attributes given, ${missing.join(', ')} is missing`);
        const attributes = { ...attributesToRecord(user), ...given };
        const updated: User = {
          ...user,
          Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
          Password: password,
          UserStatus: 'CONFIRMED',
          UserLastModifiedDate: compat.services.clock.get(),
        };
        await pool.saveUser(ctx, updated);
        return afterPasswordProof(compat, ctx, pool, client, updated);
      }
      case 'SMS_MFA':
      case 'EMAIL_OTP':
      case 'SOFTWARE_TOKEN_MFA':
      case 'SELECT_MFA_TYPE':
      case 'MFA_SETUP':
        return answerMfa(compat, ctx, pool, client, user, req['Session'] as string, session, responses);
      default:
        throw unsupported(`RespondToAuthChallenge with ChallengeName=${challengeName}`);
    }
  };

/** What the user's state dictates once the password is proven: an error, a challenge, or tokens. */
async function afterPasswordProof(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  client: AppClient,
  user: User,
): Promise<object> {
  if (!user.Enabled) throw notAuthorized('User is disabled.');
  if (user.UserStatus === 'RESET_REQUIRED') throw passwordResetRequired();
  if (user.UserStatus === 'UNCONFIRMED') throw userNotConfirmed();
  compat.lockout.succeed(lockoutKey(pool, user));

  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    const { sub: _sub, email_verified: _ev, phone_number_verified: _pv, ...userAttributes } = attributesToRecord(user);
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.Username,
        requiredAttributes: JSON.stringify(missingRequiredAttributes(pool, user, {}).map((n) => `userAttributes.${n}`)),
        userAttributes: JSON.stringify(userAttributes),
      },
      Session: compat.challenges.create(
        {
          challengeName: 'NEW_PASSWORD_REQUIRED',
          clientId: client.ClientId,
          username: user.Username,
          userExists: true,
        },
        sessionTtlMs(compat, client),
      ),
    };
  }

  return mfaOrTokens(compat, ctx, pool, client, user);
}

/** `userAttributes.name` responses of a NEW_PASSWORD_REQUIRED answer, as { name: value }. */
function challengeAttributes(responses: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (key.startsWith('userAttributes.') && typeof value === 'string')
      out[key.slice('userAttributes.'.length)] = value;
  }
  return out;
}

/** Required schema attributes the user has no value for (what Cognito lists in requiredAttributes). */
function missingRequiredAttributes(pool: UserPoolService, user: User, given: Record<string, string>): string[] {
  const have = { ...attributesToRecord(user), ...given };
  return (pool.options.SchemaAttributes ?? [])
    .filter((a) => a.Required && a.Name && !have[a.Name])
    .map((a) => a.Name as string);
}
