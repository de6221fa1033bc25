/**
 * MFA in the local service, as the AWS SDK and aws-amplify 6 see it: the pool's configuration, each challenge
 * (TOTP codes computed from the secret with otpauth, SMS and email codes from the outbox), SELECT_MFA_TYPE,
 * MFA_SETUP by session, preferences, GetUser's lists, wrong and reused codes, used and expired sessions.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn,
  fetchMFAPreference,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { KeyValueStorageInterface } from 'aws-amplify/utils';
import { Secret, TOTP } from 'otpauth';
import {
  DEMO_MFA_ON_CLIENT_ID,
  DEMO_MFA_ON_POOL_ID,
  DEMO_TOTP_SECRET,
  startLocalCognito,
} from '../../local-cognito/src/index.js';
import { uniqueEmail } from '../support/cognito-api.js';
import { errorOf } from '../support/node/errors.js';
import { startTestService } from '../support/node/local-cognito.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

let service: Service;
let sdk: CognitoIdentityProviderClient;
const PASSWORD = 'Passw0rd!';

/** The code of `secret` for the 30-second step `offset` steps from now (RFC 6238, SHA-1, six digits). */
function totpCode(secret: string, offset = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offset * 30_000 });
}

async function createPool(name: string, mfa: object, usernameAttributes = true) {
  const pool = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: name,
      ...(usernameAttributes ? { UsernameAttributes: ['email'] } : {}),
      AutoVerifiedAttributes: ['email'],
    }),
  );
  const poolId = pool.UserPool!.Id!;
  const client = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: name,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...mfa }));
  return { poolId, clientId: client.UserPoolClient!.ClientId! };
}

async function createUser(poolId: string, username: string, attributes: Record<string, string> = {}) {
  await service.call('AdminCreateUser', {
    UserPoolId: poolId,
    Username: username,
    TemporaryPassword: PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
  });
  await service.call('AdminSetUserPassword', {
    UserPoolId: poolId,
    Username: username,
    Password: PASSWORD,
    Permanent: true,
  });
}

const passwordSignIn = (clientId: string, username: string): Promise<InitiateAuthCommandOutput> =>
  sdk.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  );

const answer = (
  clientId: string,
  started: {
    ChallengeName?: string | undefined;
    Session?: string | undefined;
    ChallengeParameters?: Record<string, string> | undefined;
  },
  responses: Record<string, string>,
) =>
  sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: started.ChallengeName as never,
      Session: started.Session,
      ChallengeResponses: { USERNAME: started.ChallengeParameters!['USER_ID_FOR_SRP']!, ...responses },
    }),
  );

/** A signed-in user's access token (a pool whose MFA does not ask them, or before their MFA is on). */
async function accessToken(clientId: string, username: string): Promise<string> {
  const out = await passwordSignIn(clientId, username);
  assert.ok(out.AuthenticationResult?.AccessToken, `expected tokens, got ${out.ChallengeName}`);
  return out.AuthenticationResult.AccessToken;
}

/** Associates and verifies a software token by access token; returns the secret. */
async function setUpTotpByToken(token: string): Promise<string> {
  const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
  const verified = await sdk.send(
    new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: totpCode(SecretCode!) }),
  );
  assert.equal(verified.Status, 'SUCCESS');
  return SecretCode!;
}

const latestSignInCode = (destination: string): string => {
  const message = service.outbox.messages(destination).at(-1);
  assert.equal(message?.kind, 'sign-in');
  return message.code;
};

before(async () => {
  service = await startTestService();
  sdk = new CognitoIdentityProviderClient({
    endpoint: service.url,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
after(async () => {
  sdk.destroy();
  await service.stop();
});

describe('pool MFA configuration', () => {
  test('SetUserPoolMfaConfig is stored and read back; a factor left out is off; ON needs a factor', async () => {
    const { poolId } = await createPool('config', {
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Subject: 'Your code' },
    });
    const read = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(read.MfaConfiguration, 'OPTIONAL');
    assert.deepEqual(read.SoftwareTokenMfaConfiguration, { Enabled: true });
    assert.deepEqual(read.EmailMfaConfiguration, { Subject: 'Your code' });
    assert.equal(read.SmsMfaConfiguration, undefined);

    await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }));
    const off = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(off.MfaConfiguration, 'OFF');
    assert.deepEqual(off.SoftwareTokenMfaConfiguration, { Enabled: false });
    assert.equal(off.EmailMfaConfiguration, undefined);

    const refused = await errorOf(
      sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON' })),
    );
    assert.equal(refused.name, 'InvalidParameterException');
  });

  test('the configuration is in the pool file once acknowledged', async () => {
    const { poolId } = await createPool('durable', {
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const stored = JSON.parse(readFileSync(join(service.dataDir, 'db', `${poolId}.json`), 'utf8')) as {
      Options: Record<string, unknown>;
    };
    assert.equal(stored.Options['MfaConfiguration'], 'ON');
    assert.deepEqual(stored.Options['SoftwareTokenMfaConfiguration'], { Enabled: true });
  });
});

describe('sign-in challenges (AWS SDK)', () => {
  let poolId = '';
  let clientId = '';
  before(async () => {
    ({ poolId, clientId } = await createPool('challenges', {
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
      EmailMfaConfiguration: {},
    }));
  });

  test('OPTIONAL pool, no factor on: a password alone signs in', async () => {
    const email = uniqueEmail('plain');
    await createUser(poolId, email, { email });
    const out = await passwordSignIn(clientId, email);
    assert.equal(out.ChallengeName, undefined);
    assert.ok(out.AuthenticationResult?.AccessToken);
  });

  test('TOTP: associate and verify by access token, prefer it, then SOFTWARE_TOKEN_MFA; wrong and reused codes', async () => {
    const email = uniqueEmail('totp');
    await createUser(poolId, email, { email });
    const token = await accessToken(clientId, email);

    const preferEarly = await errorOf(
      sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true } })),
    );
    assert.deepEqual(preferEarly, {
      name: 'InvalidParameterException',
      message: 'User has not verified software token mfa',
    });

    const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token }));
    assert.match(SecretCode!, /^[A-Z2-7]{52}$/);
    const wrong = await errorOf(sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: '000000' })));
    assert.equal(wrong.name, 'EnableSoftwareTokenMFAException');
    const setupCode = totpCode(SecretCode!);
    const verified = await sdk.send(new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: setupCode }));
    assert.equal(verified.Status, 'SUCCESS');
    // Verified, not yet a factor: the user still signs in with a password alone.
    assert.equal((await sdk.send(new GetUserCommand({ AccessToken: token }))).UserMFASettingList, undefined);
    assert.ok((await passwordSignIn(clientId, email)).AuthenticationResult);

    await sdk.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: token,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = await sdk.send(new GetUserCommand({ AccessToken: token }));
    assert.deepEqual(user.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    assert.equal(user.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
    assert.equal(user.MFAOptions, undefined);
    const adminView = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
    assert.deepEqual(adminView.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    assert.equal(adminView.MFAOptions, undefined);

    const started = await passwordSignIn(clientId, email);
    assert.equal(started.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.equal(started.AuthenticationResult, undefined);
    assert.ok(started.ChallengeParameters?.['USER_ID_FOR_SRP']);

    const mismatch = await errorOf(answer(clientId, started, { SOFTWARE_TOKEN_MFA_CODE: '000000' }));
    assert.deepEqual(mismatch, { name: 'CodeMismatchException', message: 'Invalid code received for user' });
    // The code used to verify the token was accepted once already.
    const reused = await errorOf(answer(clientId, started, { SOFTWARE_TOKEN_MFA_CODE: setupCode }));
    assert.deepEqual(reused, {
      name: 'ExpiredCodeException',
      message: 'Your software token has already been used once.',
    });
    // Same session, a code of the next step (one step of clock skew): signed in.
    const done = await answer(clientId, started, { SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode!, 1) });
    assert.ok(done.AuthenticationResult?.AccessToken);
    // The session is used up.
    const used = await errorOf(answer(clientId, started, { SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode!, 1) }));
    assert.equal(used.name, 'NotAuthorizedException');

    // A new sign-in cannot use that code again either.
    const next = await passwordSignIn(clientId, email);
    const again = await errorOf(answer(clientId, next, { SOFTWARE_TOKEN_MFA_CODE: totpCode(SecretCode!, 1) }));
    assert.equal(again.name, 'ExpiredCodeException');
  });

  test('two sign-ins answering with the same TOTP code at once: one is signed in, the other ExpiredCodeException', async () => {
    const email = uniqueEmail('race');
    await createUser(poolId, email, { email });
    const token = await accessToken(clientId, email);
    const secret = await setUpTotpByToken(token);
    await sdk.send(
      new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true } }),
    );
    const [first, second] = await Promise.all([passwordSignIn(clientId, email), passwordSignIn(clientId, email)]);
    assert.equal(first.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.equal(second.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    // The next step's code: the setup used the current one.
    const code = totpCode(secret, 1);
    // In process, so that both answers are under way together (over HTTP, one may be done before the other starts).
    const respond = (started: InitiateAuthCommandOutput) =>
      service.call('RespondToAuthChallenge', {
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: started.Session,
        ChallengeResponses: {
          USERNAME: started.ChallengeParameters!['USER_ID_FOR_SRP']!,
          SOFTWARE_TOKEN_MFA_CODE: code,
        },
      }) as Promise<{ AuthenticationResult?: { AccessToken?: string } }>;
    const outcomes = await Promise.allSettled([respond(first), respond(second)]);
    const signedIn = outcomes.filter((o) => o.status === 'fulfilled' && o.value.AuthenticationResult?.AccessToken);
    // In process, the error is cognito-local's CognitoError: the name travels as `code`.
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error & { code: string }] : []));
    assert.equal(signedIn.length, 1, JSON.stringify(outcomes.map((o) => o.status)));
    assert.deepEqual(
      refused.map((e) => [e.code, e.message]),
      [['ExpiredCodeException', 'Your software token has already been used once.']],
    );
  });

  test('EMAIL_OTP: masked destination, code in the outbox with an expiry, a wrong code can be retried', async () => {
    const email = uniqueEmail('mail');
    await createUser(poolId, email, { email });
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: email,
        EmailMfaSettings: { Enabled: true },
      }),
    );
    const before = Date.now();
    const started = await passwordSignIn(clientId, email);
    assert.equal(started.ChallengeName, 'EMAIL_OTP');
    assert.equal(started.ChallengeParameters?.['CODE_DELIVERY_DELIVERY_MEDIUM'], 'EMAIL');
    assert.equal(started.ChallengeParameters?.['CODE_DELIVERY_DESTINATION'], `${email[0]}***@e***`);
    const message = service.outbox.messages(email).at(-1)!;
    assert.equal(message.kind, 'sign-in');
    assert.equal(message.medium, 'EMAIL');
    const lifetime = message.expiresAt!.getTime() - before;
    assert.ok(lifetime > 170_000 && lifetime <= 181_000, `lifetime ${lifetime}`);

    const wrongCode = message.code === '000000' ? '111111' : '000000';
    assert.equal(
      (await errorOf(answer(clientId, started, { EMAIL_OTP_CODE: wrongCode }))).name,
      'CodeMismatchException',
    );
    const done = await answer(clientId, started, { EMAIL_OTP_CODE: message.code });
    assert.ok(done.AuthenticationResult?.AccessToken);
  });

  test('SMS_MFA: masked phone number, code from the outbox, phone number verified after', async () => {
    const email = uniqueEmail('sms');
    await createUser(poolId, email, { email, phone_number: '+15555550100' });
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: email, SMSMfaSettings: { Enabled: true } }),
    );
    const started = await passwordSignIn(clientId, email);
    assert.equal(started.ChallengeName, 'SMS_MFA');
    assert.equal(started.ChallengeParameters?.['CODE_DELIVERY_DELIVERY_MEDIUM'], 'SMS');
    assert.equal(started.ChallengeParameters?.['CODE_DELIVERY_DESTINATION'], '+*******0100');
    const done = await answer(clientId, started, { SMS_MFA_CODE: latestSignInCode('+15555550100') });
    assert.ok(done.AuthenticationResult?.AccessToken);
    const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'phone_number_verified')?.Value, 'true');
  });

  test('several factors and none preferred: SELECT_MFA_TYPE; a preferred one is asked at once', async () => {
    const email = uniqueEmail('select');
    await createUser(poolId, email, { email, phone_number: '+15555550123' });
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: email,
        SMSMfaSettings: { Enabled: true },
        EmailMfaSettings: { Enabled: true },
      }),
    );
    const started = await passwordSignIn(clientId, email);
    assert.equal(started.ChallengeName, 'SELECT_MFA_TYPE');
    assert.equal(started.ChallengeParameters?.['MFAS_CAN_CHOOSE'], '["SMS_MFA","EMAIL_OTP"]');
    const refused = await errorOf(answer(clientId, started, { ANSWER: 'SOFTWARE_TOKEN_MFA' }));
    assert.equal(refused.name, 'InvalidParameterException');

    const again = await passwordSignIn(clientId, email);
    const chosen = await answer(clientId, again, { ANSWER: 'EMAIL_OTP' });
    assert.equal(chosen.ChallengeName, 'EMAIL_OTP');
    const done = await answer(clientId, chosen, { EMAIL_OTP_CODE: latestSignInCode(email) });
    assert.ok(done.AuthenticationResult?.AccessToken);

    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: email,
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    assert.equal((await passwordSignIn(clientId, email)).ChallengeName, 'SMS_MFA');
  });

  test('five wrong codes end the session', async () => {
    const email = uniqueEmail('wrong');
    await createUser(poolId, email, { email });
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: email,
        EmailMfaSettings: { Enabled: true },
      }),
    );
    const started = await passwordSignIn(clientId, email);
    const code = latestSignInCode(email);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await errorOf(answer(clientId, started, { EMAIL_OTP_CODE: wrongCode }))).name,
        'CodeMismatchException',
      );
    const closed = await errorOf(answer(clientId, started, { EMAIL_OTP_CODE: code }));
    assert.deepEqual(closed, {
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  test('pool OFF: a user with TOTP on signs in with a password alone; OPTIONAL again asks for the code', async () => {
    const off = await createPool('off', {
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const email = uniqueEmail('off');
    await createUser(off.poolId, email, { email });
    const token = await accessToken(off.clientId, email);
    await setUpTotpByToken(token);
    await sdk.send(
      new SetUserMFAPreferenceCommand({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true } }),
    );
    assert.equal((await passwordSignIn(off.clientId, email)).ChallengeName, 'SOFTWARE_TOKEN_MFA');
    await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: off.poolId, MfaConfiguration: 'OFF' }));
    const out = await passwordSignIn(off.clientId, email);
    assert.equal(out.ChallengeName, undefined);
    assert.ok(out.AuthenticationResult?.AccessToken);
  });

  test('TOTP in a pool that does not enable it: SoftwareTokenMFANotFoundException', async () => {
    const emailOnly = await createPool('email-only', { MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: {} });
    const email = uniqueEmail('notoken');
    await createUser(emailOnly.poolId, email, { email });
    const token = await accessToken(emailOnly.clientId, email);
    const refused = await errorOf(sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: token })));
    assert.equal(refused.name, 'SoftwareTokenMFANotFoundException');
  });
});

describe('MFA_SETUP (pool ON)', () => {
  test('TOTP set up by session: Associate (new Session), Verify (Session), MFA_SETUP answer ends in tokens', async () => {
    const on = await createPool('on', { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    const email = uniqueEmail('setup');
    await createUser(on.poolId, email, { email });
    const started = await passwordSignIn(on.clientId, email);
    assert.equal(started.ChallengeName, 'MFA_SETUP');
    assert.equal(started.ChallengeParameters?.['MFAS_CAN_SETUP'], '["SOFTWARE_TOKEN_MFA"]');
    assert.equal(started.AuthenticationResult, undefined);

    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ Session: started.Session }));
    assert.ok(associated.Session && associated.Session !== started.Session);
    const stale = await errorOf(sdk.send(new AssociateSoftwareTokenCommand({ Session: started.Session })));
    assert.equal(stale.name, 'NotAuthorizedException');

    const wrong = await errorOf(
      sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })),
    );
    assert.equal(wrong.name, 'EnableSoftwareTokenMFAException');
    // The setup session takes another try.
    const verified = await sdk.send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(associated.SecretCode!) }),
    );
    assert.equal(verified.Status, 'SUCCESS');
    assert.ok(verified.Session);

    const done = await answer(on.clientId, { ...started, Session: verified.Session }, {});
    assert.ok(done.AuthenticationResult?.AccessToken);
    const user = await sdk.send(new GetUserCommand({ AccessToken: done.AuthenticationResult.AccessToken }));
    assert.deepEqual(user.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    assert.equal(user.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
    // Next time: the TOTP challenge, not the setup.
    assert.equal((await passwordSignIn(on.clientId, email)).ChallengeName, 'SOFTWARE_TOKEN_MFA');
  });

  test('answering MFA_SETUP with nothing set up is refused', async () => {
    const on = await createPool('on-empty', {
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const email = uniqueEmail('nothing');
    await createUser(on.poolId, email, { email });
    const started = await passwordSignIn(on.clientId, email);
    assert.equal((await errorOf(answer(on.clientId, started, {}))).name, 'InvalidParameterException');
  });

  test('an expired challenge session is NotAuthorizedException', async () => {
    const short = await startLocalCognito({
      dataDir: `${service.dataDir}-short`,
      port: 0,
      print: () => undefined,
      demo: false,
      challengeSessionMs: 200,
    });
    try {
      const client = new CognitoIdentityProviderClient({
        endpoint: short.url,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'short', UsernameAttributes: ['email'] }));
      const poolId = pool.UserPool!.Id!;
      const app = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'short',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      await client.send(
        new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', EmailMfaConfiguration: {} }),
      );
      const email = uniqueEmail('expired');
      await short.call('AdminCreateUser', {
        UserPoolId: poolId,
        Username: email,
        TemporaryPassword: PASSWORD,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      });
      await short.call('AdminSetUserPassword', {
        UserPoolId: poolId,
        Username: email,
        Password: PASSWORD,
        Permanent: true,
      });
      const started = await client.send(
        new InitiateAuthCommand({
          ClientId: app.UserPoolClient!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD },
        }),
      );
      // ON, email enabled, the user has an address: the email code at once.
      assert.equal(started.ChallengeName, 'EMAIL_OTP');
      const message = short.outbox.messages(email).at(-1)!;
      assert.ok(message.expiresAt!.getTime() - Date.now() <= 200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const expired = await errorOf(
        client.send(
          new RespondToAuthChallengeCommand({
            ClientId: app.UserPoolClient!.ClientId!,
            ChallengeName: 'EMAIL_OTP',
            Session: started.Session,
            ChallengeResponses: {
              USERNAME: started.ChallengeParameters!['USER_ID_FOR_SRP']!,
              EMAIL_OTP_CODE: message.code,
            },
          }),
        ),
      );
      assert.deepEqual(expired, {
        name: 'NotAuthorizedException',
        message: 'Invalid session for the user, session is expired.',
      });
      client.destroy();
    } finally {
      await short.close();
      rmSync(`${service.dataDir}-short`, { recursive: true, force: true });
    }
  });

  test("the sessions of AssociateSoftwareToken and VerifySoftwareToken live as long as the client's AuthSessionValidity", async () => {
    const dataDir = `${service.dataDir}-validity`;
    const options = { dataDir, port: 0, print: () => undefined, demo: false, challengeSessionMs: 200 };
    let local = await startLocalCognito(options);
    try {
      const { poolId, clientId } = await (async () => {
        const client = new CognitoIdentityProviderClient({
          endpoint: local.url,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        });
        try {
          const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'validity' }));
          const id = pool.UserPool!.Id!;
          const app = await client.send(
            new CreateUserPoolClientCommand({
              UserPoolId: id,
              ClientName: 'validity',
              ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            }),
          );
          await client.send(
            new SetUserPoolMfaConfigCommand({
              UserPoolId: id,
              MfaConfiguration: 'ON',
              SoftwareTokenMfaConfiguration: { Enabled: true },
            }),
          );
          return { poolId: id, clientId: app.UserPoolClient!.ClientId! };
        } finally {
          client.destroy();
        }
      })();
      // cognito-local's CreateUserPoolClient drops AuthSessionValidity: set it in the stored client (3 minutes,
      // against the service's 200 ms default) while the service is stopped.
      await local.close();
      const file = join(dataDir, 'db', 'clients.json');
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { Clients: Record<string, Record<string, unknown>> };
      stored.Clients[clientId]!['AuthSessionValidity'] = 3;
      writeFileSync(file, JSON.stringify(stored));
      local = await startLocalCognito(options);

      const username = `validity${Date.now()}`;
      await local.call('AdminCreateUser', {
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword: PASSWORD,
        MessageAction: 'SUPPRESS',
      });
      await local.call('AdminSetUserPassword', {
        UserPoolId: poolId,
        Username: username,
        Password: PASSWORD,
        Permanent: true,
      });
      const call = (target: string, request: Record<string, unknown>) =>
        local.call(target, request) as Promise<Record<string, string>>;
      const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
      const started = await call('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      });
      assert.equal(started['ChallengeName'], 'MFA_SETUP');
      const associated = await call('AssociateSoftwareToken', { Session: started['Session'] });
      await pause();
      const verified = await call('VerifySoftwareToken', {
        Session: associated['Session'],
        UserCode: totpCode(associated['SecretCode']!),
      });
      assert.equal(verified['Status'], 'SUCCESS');
      await pause();
      const done = (await local.call('RespondToAuthChallenge', {
        ClientId: clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified['Session'],
        ChallengeResponses: { USERNAME: username },
      })) as { AuthenticationResult?: { AccessToken?: string } };
      assert.ok(done.AuthenticationResult?.AccessToken);
    } finally {
      await local.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('development aids', () => {
  test('GET /_local/totp and service.totpCode give the current code of the demo TOTP user', async () => {
    const answer = await fetch(`${service.url}/_local/totp`);
    assert.equal(answer.status, 200);
    const listing = (await answer.json()) as Array<Record<string, unknown>>;
    const entry = listing.find((t) => t['email'] === 'totp@example.com');
    assert.ok(entry, JSON.stringify(listing));
    assert.equal(entry['userPoolId'], service.demo!.userPoolId);
    assert.equal(typeof entry['username'], 'string');
    assert.match(String(entry['code']), /^\d{6}$/);
    assert.ok(Number(entry['secondsLeft']) >= 1 && Number(entry['secondsLeft']) <= 30);
    const expected = [totpCode(DEMO_TOTP_SECRET), totpCode(DEMO_TOTP_SECRET, 1)];
    assert.ok(expected.includes(String(entry['code'])));
    assert.ok(expected.includes((await service.totpCode('totp@example.com'))!));
    assert.equal(await service.totpCode('demo@example.com'), undefined);
  });
});

/** Amplify's token storage (Node has no localStorage). */
class MemoryStorage implements KeyValueStorageInterface {
  readonly items = new Map<string, string>();
  async setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async removeItem(key: string) {
    this.items.delete(key);
  }
  async clear() {
    this.items.clear();
  }
}

describe('aws-amplify 6 against the demo pools', () => {
  const storage = new MemoryStorage();
  const configure = (userPoolId: string, userPoolClientId: string) => {
    Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: service.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  };
  afterEach(async () => {
    await signOut().catch(() => undefined);
  });

  test('demo@example.com still signs in with a password alone (pool OPTIONAL)', async () => {
    configure(service.demo!.userPoolId, service.demo!.userPoolClientId);
    const result = await signIn({ username: 'demo@example.com', password: PASSWORD });
    assert.deepEqual(result, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    assert.deepEqual(await fetchMFAPreference(), { preferred: undefined, enabled: undefined });
  });

  test('totp@example.com: CONFIRM_SIGN_IN_WITH_TOTP_CODE with the fixed secret; a wrong code first', async () => {
    configure(service.demo!.userPoolId, service.demo!.userPoolClientId);
    const result = await signIn({ username: 'totp@example.com', password: PASSWORD });
    assert.equal(result.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    const wrong = await errorOf(confirmSignIn({ challengeResponse: '000000' }));
    assert.equal(wrong.name, 'CodeMismatchException');
    // The next step's code (one step of clock skew): no other test used it (the /_local/totp test only reads).
    const done = await confirmSignIn({ challengeResponse: totpCode(DEMO_TOTP_SECRET, 1) });
    assert.equal(done.nextStep.signInStep, 'DONE');
    assert.deepEqual(await fetchMFAPreference(), { preferred: 'TOTP', enabled: ['TOTP'] });
  });

  test('email-mfa@example.com: CONFIRM_SIGN_IN_WITH_EMAIL_CODE with the masked address, code from the outbox', async () => {
    configure(service.demo!.userPoolId, service.demo!.userPoolClientId);
    const result = await signIn({ username: 'email-mfa@example.com', password: PASSWORD });
    assert.deepEqual(result.nextStep, {
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@e***' },
    });
    const done = await confirmSignIn({ challengeResponse: latestSignInCode('email-mfa@example.com') });
    assert.equal(done.nextStep.signInStep, 'DONE');
  });

  test('mfa-setup@example.com (pool ON): CONTINUE_SIGN_IN_WITH_TOTP_SETUP, then the code signs in', async () => {
    configure(DEMO_MFA_ON_POOL_ID, DEMO_MFA_ON_CLIENT_ID);
    const result = await signIn({ username: 'mfa-setup@example.com', password: PASSWORD });
    assert.equal(result.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const secret = (result.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails.sharedSecret;
    assert.match(secret, /^[A-Z2-7]{52}$/);
    const done = await confirmSignIn({ challengeResponse: totpCode(secret) });
    assert.equal(done.nextStep.signInStep, 'DONE');
    assert.deepEqual(await fetchMFAPreference(), { preferred: 'TOTP', enabled: ['TOTP'] });
  });

  test('a signed-in user: setUpTOTP, verifyTOTPSetup, updateMFAPreference, then the TOTP step', async () => {
    const { poolId, clientId } = await createPool('amplify-optional', {
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: {},
    });
    const email = uniqueEmail('amplify');
    await createUser(poolId, email, { email });
    configure(poolId, clientId);
    assert.equal((await signIn({ username: email, password: PASSWORD })).nextStep.signInStep, 'DONE');
    const details = await setUpTOTP();
    await verifyTOTPSetup({ code: totpCode(details.sharedSecret) });
    await updateMFAPreference({ totp: 'PREFERRED', email: 'ENABLED' });
    assert.deepEqual(await fetchMFAPreference(), { preferred: 'TOTP', enabled: ['TOTP', 'EMAIL'] });
    await signOut();
    assert.equal(
      (await signIn({ username: email, password: PASSWORD })).nextStep.signInStep,
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
    const done = await confirmSignIn({ challengeResponse: totpCode(details.sharedSecret, 1) });
    assert.equal(done.nextStep.signInStep, 'DONE');
  });

  test('pool ON with email and TOTP, a user without an email: setup selection, then email setup', async () => {
    const { poolId, clientId } = await createPool(
      'amplify-on',
      { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true }, EmailMfaConfiguration: {} },
      false,
    );
    const username = `user${Date.now()}`;
    await createUser(poolId, username);
    configure(poolId, clientId);
    const result = await signIn({ username, password: PASSWORD });
    assert.deepEqual(result.nextStep, {
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    });
    const chosen = await confirmSignIn({ challengeResponse: 'EMAIL' });
    assert.equal(chosen.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP');
    const address = uniqueEmail('setup-mail');
    const sent = await confirmSignIn({ challengeResponse: address });
    assert.equal(sent.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    const done = await confirmSignIn({ challengeResponse: latestSignInCode(address) });
    assert.equal(done.nextStep.signInStep, 'DONE');
    assert.deepEqual(await fetchMFAPreference(), { preferred: 'EMAIL', enabled: ['EMAIL'] });
  });
});
