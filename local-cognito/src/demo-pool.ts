/**
 * The demo pool: created through the same API calls an AWS SDK client would make, found again by name on
 * every start, and its demo users put back into their documented state (so the new-password, confirm and reset
 * steps can be shown again after they were completed). Other users of the pool are left alone.
 */
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';

export const DEMO_POOL_NAME = 'cognito-elements-demo';
/**
 * Fixed ids, so that a page can name the demo pool in plain attributes (demo/plain.html, the README) and they
 * survive a reset. Same shapes as Cognito's: `<region>_<id>` and 26 lowercase letters and digits.
 */
export const DEMO_POOL_ID = 'local_CognitoElementsDemo';
export const DEMO_CLIENT_ID = 'cognitoelementsdemo0client';

/**
 * The demo pool enables MFA as OPTIONAL with TOTP and email, so users without a factor sign in with a password
 * alone, as before. A user who must set up MFA at the first sign-in needs a pool whose MFA is ON (an OPTIONAL pool
 * never asks), hence the second pool below.
 *
 * The TOTP demo user's secret is fixed (and printed by `npm start`) so that a developer can add it to an
 * authenticator app once; the current code is also at GET /_local/totp.
 */
export const DEMO_TOTP_SECRET = 'EEMXFLR5XPWAC3D7AL45LWMAMX64NNT3YFNDQ7TFJBONK3FPVWMA';

/** The pool with MFA ON (TOTP), fixed ids of the same shapes as the demo pool's. */
export const DEMO_MFA_ON_POOL_NAME = 'cognito-elements-mfa-on';
export const DEMO_MFA_ON_POOL_ID = 'local_CognitoElementsMfaOn';
export const DEMO_MFA_ON_CLIENT_ID = 'cognitoelementsmfaonclient';

/** Users of the MFA-ON pool, put back on every start into the state described. */
export const DEMO_MFA_ON_USERS = [
  {
    email: 'mfa-setup@example.com',
    password: 'Passw0rd!',
    note: `no MFA yet, in the pool ${DEMO_MFA_ON_POOL_ID} (MFA ON): shows the TOTP setup step at sign-in`,
  },
] as const;

/**
 * The demo users and what each is for. The unconfirmed and reset users get a fresh code on every start (listed at
 * /_local/messages and printed), so the confirm and reset steps can be tried at once.
 */
export const DEMO_USERS = [
  { email: 'demo@example.com', password: 'Passw0rd!', status: 'CONFIRMED', note: 'confirmed' },
  {
    email: 'new@example.com',
    password: 'TempPassw0rd!',
    status: 'FORCE_CHANGE_PASSWORD',
    note: 'temporary password: shows the new-password step',
  },
  {
    email: 'unconfirmed@example.com',
    password: 'Passw0rd!',
    status: 'UNCONFIRMED',
    note: 'signed up, not confirmed: shows the confirm-sign-up step (code in /_local/messages)',
  },
  {
    email: 'reset@example.com',
    password: 'Passw0rd!',
    status: 'RESET_REQUIRED',
    note: 'reset by an administrator: shows the reset-password step (code in /_local/messages)',
  },
  {
    email: 'totp@example.com',
    password: 'Passw0rd!',
    status: 'CONFIRMED',
    mfa: 'SOFTWARE_TOKEN_MFA',
    note: 'TOTP MFA (secret printed below; current code at /_local/totp)',
  },
  {
    email: 'email-mfa@example.com',
    password: 'Passw0rd!',
    status: 'CONFIRMED',
    mfa: 'EMAIL_OTP',
    note: 'email MFA: shows the email-code step (code in /_local/messages)',
  },
] as const;

/**
 * The demo users as `npm start` and `npm run local-cognito` print them (one line each), with the TOTP secret to
 * add to an authenticator app and the MFA-ON pool's ids and user.
 */
export function demoUserLines(indent: string): string[] {
  const line = (u: { email: string; password: string; note: string }) =>
    `${indent}${u.email.padEnd(24)} ${u.password.padEnd(14)} ${u.note}`;
  return [
    ...DEMO_USERS.map(line),
    `${indent}${''.padEnd(24)} TOTP secret of totp@example.com (add it to an authenticator app): ${DEMO_TOTP_SECRET}`,
    `${indent}MFA ON pool ${DEMO_MFA_ON_POOL_ID}, client ${DEMO_MFA_ON_CLIENT_ID}:`,
    ...DEMO_MFA_ON_USERS.map(line),
  ];
}

/** What aws-amplify needs: `Amplify.configure({ Auth: { Cognito: DemoPool } })`. */
export interface DemoPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly userPoolEndpoint: string;
}

type Call = (target: string, request: Record<string, unknown>) => Promise<object>;

const PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/** A pool and its client with fixed ids, as CreateUserPool and CreateUserPoolClient would make them. */
async function ensurePool(
  cognito: CognitoService,
  ctx: Context,
  name: string,
  userPoolId: string,
  clientId: string,
): Promise<UserPoolService> {
  const pools = await cognito.listUserPools(ctx);
  // Demo pools of older data folders had random ids: the fixed one replaces them.
  for (const old of pools.filter((p) => p.Name === name && p.Id !== userPoolId)) await cognito.deleteUserPool(ctx, old);
  if (!pools.some((p) => p.Id === userPoolId)) {
    // As CreateUserPool would make it, but with the fixed id (the API has no way to choose one).
    const now = new Date();
    await cognito.createUserPool(ctx, {
      Id: userPoolId,
      Name: name,
      Arn: `arn:aws:cognito-idp:local:local:userpool/${userPoolId}`,
      CreationDate: now,
      LastModifiedDate: now,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      Policies: { PasswordPolicy: PASSWORD_POLICY },
    });
  }
  const pool = await cognito.getUserPool(ctx, userPoolId);
  if (!(await cognito.getAppClient(ctx, clientId))) {
    const now = new Date();
    await pool.saveAppClient(ctx, {
      ClientId: clientId,
      ClientName: name,
      UserPoolId: userPoolId,
      CreationDate: now,
      LastModifiedDate: now,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      ...({ PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true } as object),
    });
  }
  return pool;
}

/** A confirmed user with a verified email, made through the admin API. */
async function createConfirmedUser(call: Call, userPoolId: string, email: string, password: string): Promise<void> {
  await call('AdminCreateUser', {
    UserPoolId: userPoolId,
    Username: email,
    TemporaryPassword: password,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await call('AdminSetUserPassword', { UserPoolId: userPoolId, Username: email, Password: password, Permanent: true });
}

/** Puts a demo user's MFA back: the fixed TOTP secret, verified and preferred; or email MFA on. */
async function restoreMfa(
  call: Call,
  ctx: Context,
  pool: UserPoolService,
  email: string,
  mfa: 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP',
): Promise<void> {
  const user = (await pool.getUserByUsername(ctx, email)) as User;
  if (mfa === 'SOFTWARE_TOKEN_MFA') {
    // No API sets a chosen secret: written as VerifySoftwareToken would leave it.
    const { PendingSoftwareToken: _pending, ...rest } = user as User & { PendingSoftwareToken?: unknown };
    await pool.saveUser(ctx, {
      ...rest,
      SoftwareTokenMfaConfiguration: { Secret: DEMO_TOTP_SECRET, Verified: true, FriendlyDeviceName: 'Demo' },
    } as User);
  }
  await call('AdminSetUserMFAPreference', {
    UserPoolId: pool.options.Id,
    Username: email,
    SMSMfaSettings: { Enabled: false },
    SoftwareTokenMfaSettings: mfa === 'SOFTWARE_TOKEN_MFA' ? { Enabled: true, PreferredMfa: true } : { Enabled: false },
    EmailMfaSettings: mfa === 'EMAIL_OTP' ? { Enabled: true, PreferredMfa: true } : { Enabled: false },
  });
}

/** The MFA-ON pool and its user, who has no factor yet: reset on every start. */
export async function ensureMfaOnPool(call: Call, cognito: CognitoService, ctx: Context): Promise<void> {
  const pool = await ensurePool(cognito, ctx, DEMO_MFA_ON_POOL_NAME, DEMO_MFA_ON_POOL_ID, DEMO_MFA_ON_CLIENT_ID);
  await call('SetUserPoolMfaConfig', {
    UserPoolId: DEMO_MFA_ON_POOL_ID,
    MfaConfiguration: 'ON',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  });
  for (const demo of DEMO_MFA_ON_USERS) {
    const existing = await pool.getUserByUsername(ctx, demo.email);
    if (existing) await pool.deleteUser(ctx, existing);
    await createConfirmedUser(call, DEMO_MFA_ON_POOL_ID, demo.email, demo.password);
  }
}

export async function ensureDemoPool(
  call: Call,
  cognito: CognitoService,
  ctx: Context,
  endpoint: string,
): Promise<DemoPool> {
  const userPoolId = DEMO_POOL_ID;
  const userPoolClientId = DEMO_CLIENT_ID;
  const pool = await ensurePool(cognito, ctx, DEMO_POOL_NAME, userPoolId, userPoolClientId);
  // On every start, so that data folders of older versions (MFA OFF) get it too.
  await call('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    EmailMfaConfiguration: {},
  });

  for (const demo of DEMO_USERS) {
    const existing = await pool.getUserByUsername(ctx, demo.email);
    const mfa = 'mfa' in demo ? demo.mfa : undefined;
    if (existing && existing.UserStatus === demo.status && existing.Password === demo.password && existing.Enabled) {
      // As it was: only a fresh code, so that the step can be tried with a code the outbox shows.
      if (demo.status === 'UNCONFIRMED')
        await call('ResendConfirmationCode', { ClientId: userPoolClientId, Username: demo.email });
      if (demo.status === 'RESET_REQUIRED')
        await call('AdminResetUserPassword', { UserPoolId: userPoolId, Username: demo.email });
      if (mfa) await restoreMfa(call, ctx, pool, demo.email, mfa);
      continue;
    }
    if (existing) await pool.deleteUser(ctx, existing);
    if (demo.status === 'UNCONFIRMED') {
      await call('SignUp', { ClientId: userPoolClientId, Username: demo.email, Password: demo.password });
      continue;
    }
    if (demo.status === 'CONFIRMED' || demo.status === 'RESET_REQUIRED') {
      await createConfirmedUser(call, userPoolId, demo.email, demo.password);
    } else {
      await call('AdminCreateUser', {
        UserPoolId: userPoolId,
        Username: demo.email,
        TemporaryPassword: demo.password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: demo.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      });
    }
    if (demo.status === 'RESET_REQUIRED')
      await call('AdminResetUserPassword', { UserPoolId: userPoolId, Username: demo.email });
    if (mfa) await restoreMfa(call, ctx, pool, demo.email, mfa);
  }
  await ensureMfaOnPool(call, cognito, ctx);

  return { userPoolId, userPoolClientId, userPoolEndpoint: endpoint };
}
