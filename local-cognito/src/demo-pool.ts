/**
 * The demo pool: created through the same API calls an AWS SDK client would make, found again by name on
 * every start, and its three demo users put back into their documented state (so the new-password step can be
 * shown again after it was completed). Other users of the pool are left alone.
 */
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';

export const DEMO_POOL_NAME = 'cognito-elements-demo';

export const DEMO_USERS = [
  { email: 'demo@example.com', password: 'Passw0rd!', status: 'CONFIRMED', note: 'confirmed' },
  { email: 'new@example.com', password: 'TempPassw0rd!', status: 'FORCE_CHANGE_PASSWORD', note: 'temporary password: shows the new-password step' },
  { email: 'unconfirmed@example.com', password: 'Passw0rd!', status: 'UNCONFIRMED', note: 'signed up, not confirmed' },
] as const;

/** What aws-amplify needs: `Amplify.configure({ Auth: { Cognito: DemoPool } })`. */
export interface DemoPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly userPoolEndpoint: string;
}

type Call = (target: string, request: Record<string, unknown>) => Promise<object>;

export async function ensureDemoPool(call: Call, cognito: CognitoService, ctx: Context, endpoint: string): Promise<DemoPool> {
  const { UserPools = [] } = (await call('ListUserPools', { MaxResults: 60 })) as { UserPools?: { Id: string; Name: string }[] };
  let userPoolId = UserPools.find((p) => p.Name === DEMO_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = (await call('CreateUserPool', {
      PoolName: DEMO_POOL_NAME,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true },
      },
    })) as { UserPool: { Id: string } };
    userPoolId = created.UserPool.Id;
  }

  const { UserPoolClients = [] } = (await call('ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 60 })) as {
    UserPoolClients?: { ClientId: string; ClientName: string }[];
  };
  let userPoolClientId = UserPoolClients.find((c) => c.ClientName === DEMO_POOL_NAME)?.ClientId;
  if (!userPoolClientId) {
    const created = (await call('CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: DEMO_POOL_NAME,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    })) as { UserPoolClient: { ClientId: string } };
    userPoolClientId = created.UserPoolClient.ClientId;
  }

  const pool = await cognito.getUserPool(ctx, userPoolId);
  for (const demo of DEMO_USERS) {
    const existing = await pool.getUserByUsername(ctx, demo.email);
    if (existing && existing.UserStatus === demo.status && existing.Password === demo.password && existing.Enabled) continue;
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
    if (demo.status === 'CONFIRMED') {
      await call('AdminSetUserPassword', { UserPoolId: userPoolId, Username: demo.email, Password: demo.password, Permanent: true });
    }
  }

  return { userPoolId, userPoolClientId, userPoolEndpoint: endpoint };
}
