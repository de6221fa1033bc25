/**
 * MFA settings and software tokens: SetUserPoolMfaConfig, GetUserPoolMfaConfig, AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference, AdminSetUserMFAPreference, and GetUser / AdminGetUser with Cognito's
 * MFA fields. cognito-local has most of them, but without email MFA, without a Session for the token calls (the
 * MFA_SETUP flow), with TOTP enabled by verification alone, and with MFAOptions in GetUser.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import {
  invalidParameter,
  notAuthorized,
  softwareTokenNotEnabled,
  softwareTokenSetupMismatch,
  userNotFound,
} from '../errors.js';
import {
  attribute,
  checkTotp,
  FACTORS,
  newSecret,
  poolMfa,
  type MfaFactor,
  type MfaUser,
  type PoolOptionsWithMfa,
} from '../mfa.js';
import { MFA_ATTEMPTS, sessionTtlMs, withStoredUser } from './mfa-sign-in.js';
import { clientAndPool, params, requireString, type Compat, type Request, type Target } from './shared.js';

const MODES = ['OFF', 'OPTIONAL', 'ON'];

function mfaConfig(pool: UserPoolService): object {
  const options = pool.options as PoolOptionsWithMfa;
  const { mode, factors } = poolMfa(pool);
  return {
    MfaConfiguration: mode,
    SoftwareTokenMfaConfiguration: { Enabled: factors.has('SOFTWARE_TOKEN_MFA') },
    ...(factors.has('SMS_MFA')
      ? {
          SmsMfaConfiguration: options.SmsMfaConfiguration ?? {
            ...(options.SmsAuthenticationMessage ? { SmsAuthenticationMessage: options.SmsAuthenticationMessage } : {}),
            ...(options.SmsConfiguration ? { SmsConfiguration: options.SmsConfiguration } : {}),
          },
        }
      : {}),
    ...(factors.has('EMAIL_OTP') ? { EmailMfaConfiguration: options.EmailMfaConfiguration } : {}),
  };
}

/**
 * The whole MFA configuration at once: a factor whose configuration is left out of the request is off (a guess:
 * the API reference does not say whether the call merges; it describes each factor's configuration as the setting,
 * and GetUserPoolMfaConfig leaves out what is not set). A mode other than OFF needs a factor (guess at the message).
 */
export const SetUserPoolMfaConfig =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const pool = await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId'));
    const options = pool.options as PoolOptionsWithMfa;
    const mode = req['MfaConfiguration'] ?? options.MfaConfiguration ?? 'OFF';
    if (typeof mode !== 'string' || !MODES.includes(mode))
      throw invalidParameter(`MfaConfiguration must be one of ${MODES.join(', ')}`);
    const software = params(req, 'SoftwareTokenMfaConfiguration');
    const sms = req['SmsMfaConfiguration'];
    const email = req['EmailMfaConfiguration'];
    const totpOn = software['Enabled'] === true;
    if (mode !== 'OFF' && !totpOn && !sms && !email)
      throw invalidParameter(`At least one MFA method must be enabled when MfaConfiguration is ${mode}`);
    const {
      SmsMfaConfiguration: _sms,
      EmailMfaConfiguration: _email,
      ...rest
    } = options as PoolOptionsWithMfa & Record<string, unknown>;
    await pool.updateOptions(ctx, {
      ...rest,
      MfaConfiguration: mode,
      SoftwareTokenMfaConfiguration: { Enabled: totpOn },
      ...(sms && typeof sms === 'object' ? { SmsMfaConfiguration: sms } : {}),
      ...(email && typeof email === 'object' ? { EmailMfaConfiguration: email } : {}),
      LastModifiedDate: compat.services.clock.get(),
    } as PoolOptionsWithMfa);
    return mfaConfig(pool);
  };

export const GetUserPoolMfaConfig =
  (compat: Compat): Target =>
  async (ctx, req) =>
    mfaConfig(await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId')));

/** The user an access token names, their pool, and the client the token was issued to. */
async function tokenUser(compat: Compat, ctx: Context, token: unknown) {
  const claims = compat.tokens.verifyAccessToken(token);
  const { client, pool } = await clientAndPool(compat, ctx, claims.client_id);
  const user = await pool.getUserByUsername(ctx, claims.username);
  if (!user) throw notAuthorized('User does not exist.');
  return { client, pool, user };
}

/** The user of an MFA_SETUP session, their pool, and the client the session belongs to. */
async function sessionUser(compat: Compat, ctx: Context, session: { clientId: string; username: string }) {
  const { client, pool } = await clientAndPool(compat, ctx, session.clientId);
  const user = await pool.getUserByUsername(ctx, session.username);
  if (!user) throw notAuthorized('Invalid session for the user.');
  return { client, pool, user };
}

/** The error for a user deleted between the lookup and the serialized check (withStoredUser). */
const gone = (): Error => notAuthorized('User does not exist.');

/** "The request takes an access token or a session string, but not both" (documented, both token calls). */
function oneOf(req: Request): 'AccessToken' | 'Session' {
  const hasToken = typeof req['AccessToken'] === 'string';
  const hasSession = typeof req['Session'] === 'string';
  if (hasToken === hasSession) throw invalidParameter('Exactly one of AccessToken or Session is required');
  return hasToken ? 'AccessToken' : 'Session';
}

/**
 * A new secret, kept apart from a verified one until it is verified in turn ("Amazon Cognito disassociates an
 * existing software token when you verify the new token", documented). By Session (MFA_SETUP), the answer carries a
 * new Session for VerifySoftwareToken (documented).
 */
export const AssociateSoftwareToken =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const by = oneOf(req);
    const session = by === 'Session' ? compat.challenges.takeSetup(req['Session']) : undefined;
    const found = session ? await sessionUser(compat, ctx, session) : await tokenUser(compat, ctx, req['AccessToken']);
    const { pool } = found;
    if (!poolMfa(pool).factors.has('SOFTWARE_TOKEN_MFA')) throw softwareTokenNotEnabled();
    const secret = newSecret();
    await withStoredUser(compat, ctx, pool, found.user.Username, gone, (user) =>
      pool.saveUser(ctx, {
        ...user,
        PendingSoftwareToken: { Secret: secret },
        UserLastModifiedDate: compat.services.clock.get(),
      } as MfaUser),
    );
    if (!session) return { SecretCode: secret };
    const { expiresAt: _e, ...open } = session;
    const ttl = sessionTtlMs(compat, found.client);
    return { SecretCode: secret, Session: compat.challenges.create({ ...open, failures: 0 }, ttl) };
  };

/**
 * Verifies the associated secret with a code (RFC 6238, a step either way, a code once). Success: the token
 * replaces any earlier one; by access token it is not yet an MFA factor (the guide: "Next, you can enable TOTP MFA
 * for your user or set TOTP as the preferred MFA method"); by Session the answer carries the Session to answer
 * MFA_SETUP with, which then turns TOTP on. A wrong code: EnableSoftwareTokenMFAException (documented for "a code
 * mismatch" here; the API reference also lists CodeMismatchException); the setup session stays open for a retry
 * (amplify-flutter PR #4532 retries verifyTotpSetup after it), MFA_ATTEMPTS times.
 */
export const VerifySoftwareToken =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const by = oneOf(req);
    const code = requireString(req, 'UserCode');
    const sessionId = req['Session'] as string;
    const session = by === 'Session' ? compat.challenges.takeSetup(sessionId) : undefined;
    const found = session ? await sessionUser(compat, ctx, session) : await tokenUser(compat, ctx, req['AccessToken']);
    const { pool } = found;
    await withStoredUser(compat, ctx, pool, found.user.Username, gone, async (user) => {
      const pending = (user as MfaUser).PendingSoftwareToken;
      if (!pending) throw invalidParameter('User has not associated a software token');
      const check = checkTotp(pending.Secret, code, undefined);
      if (check.outcome !== 'ok') {
        const failures = (session?.failures ?? 0) + 1;
        if (session && failures < MFA_ATTEMPTS) compat.challenges.reopen(sessionId, { ...session, failures });
        throw softwareTokenSetupMismatch();
      }
      const { PendingSoftwareToken: _pending, ...rest } = user as MfaUser;
      const friendly = req['FriendlyDeviceName'];
      await pool.saveUser(ctx, {
        ...rest,
        SoftwareTokenMfaConfiguration: {
          Secret: pending.Secret,
          Verified: true,
          ...(typeof friendly === 'string' && friendly ? { FriendlyDeviceName: friendly } : {}),
          LastUsedStep: check.step,
        },
        UserLastModifiedDate: compat.services.clock.get(),
      } as MfaUser);
    });
    if (!session) return { Status: 'SUCCESS' };
    const { expiresAt: _e, ...open } = session;
    const ttl = sessionTtlMs(compat, found.client);
    return {
      Status: 'SUCCESS',
      Session: compat.challenges.create({ ...open, totpVerified: true, failures: 0 }, ttl),
    };
  };

const SETTINGS: Record<MfaFactor, string> = {
  SMS_MFA: 'SMSMfaSettings',
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

/**
 * The user's factors and preference. Each of SMSMfaSettings, SoftwareTokenMfaSettings and EmailMfaSettings left out
 * changes nothing; `Enabled: false` turns a factor off (and drops it as the preference); `PreferredMfa: true` makes
 * it the preference (it must then be on). Turning on TOTP needs a verified token: InvalidParameterException "User
 * has not verified software token mfa" (seen). SMS needs a phone number and email an address: "User does not have
 * delivery config set to turn on SMS_MFA" (seen for SMS; the email form is a guess), and the pool must enable the
 * factor (guess at the message).
 */
/** setPreference on the user as stored, under the user's serialization (withStoredUser). */
function setPreferenceOf(
  compat: Compat,
  ctx: Context,
  pool: UserPoolService,
  found: User,
  missing: () => Error,
  req: Request,
) {
  return withStoredUser(compat, ctx, pool, found.Username, missing, (user) =>
    setPreference(compat, ctx, pool, user, req),
  );
}

async function setPreference(compat: Compat, ctx: Context, pool: UserPoolService, user: User, req: Request) {
  const mfa = poolMfa(pool);
  const list = new Set((user.UserMFASettingList ?? []) as MfaFactor[]);
  let preferred = user.PreferredMfaSetting as MfaFactor | undefined;
  const preferring = FACTORS.filter((f) => params(req, SETTINGS[f])['PreferredMfa'] === true);
  if (preferring.length > 1) throw invalidParameter('Only one MFA method can be preferred');
  for (const factor of FACTORS) {
    if (!(SETTINGS[factor] in req) || req[SETTINGS[factor]] === null) continue;
    const settings = params(req, SETTINGS[factor]);
    if (settings['Enabled'] === true) {
      if (factor === 'SOFTWARE_TOKEN_MFA') {
        if (!(user as MfaUser).SoftwareTokenMfaConfiguration?.Verified)
          throw invalidParameter('User has not verified software token mfa');
      } else {
        if (!mfa.factors.has(factor)) throw invalidParameter(`${factor} is not enabled for this user pool`);
        if (attribute(user, factor === 'SMS_MFA' ? 'phone_number' : 'email') === undefined)
          throw invalidParameter(`User does not have delivery config set to turn on ${factor}`);
      }
      list.add(factor);
    } else if (settings['Enabled'] === false) {
      list.delete(factor);
      if (preferred === factor) preferred = undefined;
    }
    if (settings['PreferredMfa'] === true) {
      if (!list.has(factor)) throw invalidParameter(`${factor} must be enabled to be preferred`);
      preferred = factor;
    } else if (settings['PreferredMfa'] === false && preferred === factor) {
      preferred = undefined;
    }
  }
  const { PreferredMfaSetting: _p, UserMFASettingList: _l, ...rest } = user;
  await pool.saveUser(ctx, {
    ...rest,
    ...(list.size ? { UserMFASettingList: FACTORS.filter((f) => list.has(f)) } : {}),
    ...(preferred ? { PreferredMfaSetting: preferred } : {}),
    UserLastModifiedDate: compat.services.clock.get(),
  });
  return {};
}

export const SetUserMFAPreference =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const { pool, user } = await tokenUser(compat, ctx, req['AccessToken']);
    return setPreferenceOf(compat, ctx, pool, user, gone, req);
  };

export const AdminSetUserMFAPreference =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const pool = await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId'));
    const user = await pool.getUserByUsername(ctx, requireString(req, 'Username'));
    if (!user) throw userNotFound();
    return setPreferenceOf(compat, ctx, pool, user, userNotFound, req);
  };

/** Cognito's MFA fields: the list and the preference when set, never the legacy MFAOptions (SMS only). */
function mfaFields(user: User): object {
  return {
    ...(user.UserMFASettingList?.length ? { UserMFASettingList: user.UserMFASettingList } : {}),
    ...(user.PreferredMfaSetting ? { PreferredMfaSetting: user.PreferredMfaSetting } : {}),
  };
}

export const GetUser =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const claims = compat.tokens.verifyAccessToken(req['AccessToken']);
    const { pool } = await clientAndPool(compat, ctx, claims.client_id);
    const user = await pool.getUserByUsername(ctx, claims.username);
    if (!user) throw userNotFound();
    return { Username: user.Username, UserAttributes: user.Attributes, ...mfaFields(user) };
  };

export const AdminGetUser =
  (compat: Compat): Target =>
  async (ctx, req) => {
    const pool = await compat.services.cognito.getUserPool(ctx, requireString(req, 'UserPoolId'));
    const user = await pool.getUserByUsername(ctx, requireString(req, 'Username'));
    if (!user) throw userNotFound();
    return {
      Username: user.Username,
      UserAttributes: user.Attributes,
      UserCreateDate: user.UserCreateDate,
      UserLastModifiedDate: user.UserLastModifiedDate,
      Enabled: user.Enabled,
      UserStatus: user.UserStatus,
      ...mfaFields(user),
    };
  };
