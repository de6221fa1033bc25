/**
 * The demo pool: created through the same API calls an AWS SDK client would make, found again by name on
 * every start, and its demo users put back into their documented state (so the new-password, confirm and reset
 * steps can be shown again after they were completed). Other users of the pool are left alone.
 */
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';

export const DEMO_POOL_NAME = 'cognito-elements-demo';
/**
 * Fixed ids, so that a page can name the demo pool in plain attributes (demo/plain.html, the README) and they
 * survive a reset. Same shapes as Cognito's: `<region>_<id>` and 26 lowercase letters and digits.
 */
export const DEMO_POOL_ID = 'local_CognitoElementsDemo';
export const DEMO_CLIENT_ID = 'cognitoelementsdemo0client';

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
] as const;

/** What aws-amplify needs: `Amplify.configure({ Auth: { Cognito: DemoPool } })`. */
export interface DemoPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly userPoolEndpoint: string;
}

type Call = (target: string, request: Record<string, unknown>) => Promise<object>;

export async function ensureDemoPool(
  call: Call,
  cognito: CognitoService,
  ctx: Context,
  endpoint: string,
): Promise<DemoPool> {
  const userPoolId = DEMO_POOL_ID;
  const userPoolClientId = DEMO_CLIENT_ID;
  const pools = await cognito.listUserPools(ctx);
  // Demo pools of older data folders had random ids: the fixed one replaces them.
  for (const old of pools.filter((p) => p.Name === DEMO_POOL_NAME && p.Id !== userPoolId))
    await cognito.deleteUserPool(ctx, old);
  if (!pools.some((p) => p.Id === userPoolId)) {
    // As CreateUserPool would make it, but with the fixed id (the API has no way to choose one).
    const now = new Date();
    await cognito.createUserPool(ctx, {
      Id: userPoolId,
      Name: DEMO_POOL_NAME,
      Arn: `arn:aws:cognito-idp:local:local:userpool/${userPoolId}`,
      CreationDate: now,
      LastModifiedDate: now,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OFF',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  }
  const pool = await cognito.getUserPool(ctx, userPoolId);
  if (!(await cognito.getAppClient(ctx, userPoolClientId))) {
    const now = new Date();
    await pool.saveAppClient(ctx, {
      ClientId: userPoolClientId,
      ClientName: DEMO_POOL_NAME,
      UserPoolId: userPoolId,
      CreationDate: now,
      LastModifiedDate: now,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      ...({ PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true } as object),
    });
  }

  for (const demo of DEMO_USERS) {
    const existing = await pool.getUserByUsername(ctx, demo.email);
    if (existing && existing.UserStatus === demo.status && existing.Password === demo.password && existing.Enabled) {
      // As it was: only a fresh code, so that the step can be tried with a code the outbox shows.
      if (demo.status === 'UNCONFIRMED')
        await call('ResendConfirmationCode', { ClientId: userPoolClientId, Username: demo.email });
      if (demo.status === 'RESET_REQUIRED')
        await call('AdminResetUserPassword', { UserPoolId: userPoolId, Username: demo.email });
      continue;
    }
    if (existing) await pool.deleteUser(ctx, existing);
    if (demo.status === 'UNCONFIRMED') {
      await call('SignUp', { ClientId: userPoolClientId, Username: demo.email, Password: demo.password });
      continue;
    }
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
    if (demo.status === 'CONFIRMED' || demo.status === 'RESET_REQUIRED') {
      await call('AdminSetUserPassword', {
        UserPoolId: userPoolId,
        Username: demo.email,
        Password: demo.password,
        Permanent: true,
      });
    }
    if (demo.status === 'RESET_REQUIRED')
      await call('AdminResetUserPassword', { UserPoolId: userPoolId, Username: demo.email });
  }

  return { userPoolId, userPoolClientId, userPoolEndpoint: endpoint };
}
