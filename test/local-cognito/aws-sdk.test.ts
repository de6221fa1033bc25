/**
 * A client that knows nothing of this project — the AWS SDK for JavaScript v3 — makes its own pool, client and
 * users on the local service and gets Cognito's answers, errors included.
 */
import assert from 'node:assert/strict';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { uniqueEmail } from '../support/cognito-api.js';
import { errorOf } from '../support/node/errors.js';
import { startTestService } from '../support/node/local-cognito.js';

let service: Awaited<ReturnType<typeof startTestService>>;
let cognito: CognitoIdentityProviderClient;
let poolId: string;
let clientId: string;

const errorName = async (promise: Promise<unknown>): Promise<string> => (await errorOf(promise)).name;

async function passwordSignIn(
  username: string,
  password: string,
  client = clientId,
): Promise<AuthenticationResultType> {
  const out = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  assert.ok(out.AuthenticationResult, `expected tokens, got ${out.ChallengeName}`);
  return out.AuthenticationResult;
}

async function confirmedUser(): Promise<string> {
  const email = uniqueEmail('sdk');
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      TemporaryPassword: 'Temp-Passw0rd',
      MessageAction: 'SUPPRESS',
    }),
  );
  const challenge = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: email, PASSWORD: 'Temp-Passw0rd' },
    }),
  );
  await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Passw0rd-1' },
    }),
  );
  return email;
}

before(async () => {
  service = await startTestService();
  cognito = new CognitoIdentityProviderClient({
    endpoint: service.url,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'sdk-pool',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      // A policy other than the default: no symbols, at least 10 characters.
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
    }),
  );
  poolId = pool.UserPool!.Id!;
  const client = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'sdk-client',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      // Seconds, so that expiry can be tested.
      AccessTokenValidity: 2,
      IdTokenValidity: 2,
      TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'days' },
    }),
  );
  clientId = client.UserPoolClient!.ClientId!;
});
after(async () => {
  cognito.destroy();
  await service.stop();
});

describe('pools, clients and users through the AWS SDK', () => {
  test('AdminCreateUser with a TemporaryPassword makes a FORCE_CHANGE_PASSWORD user; the challenge completes', async () => {
    const email = uniqueEmail('admin');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: email,
        TemporaryPassword: 'Temp-Passw0rd',
        MessageAction: 'SUPPRESS',
      }),
    );
    assert.equal(
      (await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserStatus,
      'FORCE_CHANGE_PASSWORD',
    );

    const challenge = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD: 'Temp-Passw0rd' },
      }),
    );
    assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    assert.ok(challenge.Session);
    const respond = (session: string | undefined, password: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: email, NEW_PASSWORD: password },
        }),
      );

    // cognito-local never checks the session; Cognito does.
    assert.deepEqual(await errorOf(respond('not-a-session', 'Passw0rd-1')), {
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
    const fresh = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD: 'Temp-Passw0rd' },
      }),
    );
    // This pool's own policy: 10 characters, no symbol needed.
    assert.equal((await errorOf(respond(fresh.Session, 'Short1Aa'))).name, 'InvalidPasswordException');
    const third = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD: 'Temp-Passw0rd' },
      }),
    );
    const done = await respond(third.Session, 'LongEnough1A');
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal(done.AuthenticationResult?.TokenType, 'Bearer');
    assert.equal(done.AuthenticationResult?.ExpiresIn, 2);
    assert.equal(
      (await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserStatus,
      'CONFIRMED',
    );
  });

  test('a flow the client does not allow is InvalidParameterException', async () => {
    const limited = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'srp-only',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const error = await errorOf(passwordSignIn('x@example.com', 'whatever', limited.UserPoolClient!.ClientId!));
    assert.deepEqual(error, {
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  test('an unknown client is ResourceNotFoundException', async () => {
    assert.equal(
      await errorName(passwordSignIn('x@example.com', 'whatever', 'no-such-client')),
      'ResourceNotFoundException',
    );
  });

  test('an unknown user is UserNotFoundException on a client without PreventUserExistenceErrors', async () => {
    assert.equal(await errorName(passwordSignIn(uniqueEmail('ghost'), 'Passw0rd-1')), 'UserNotFoundException');
    assert.equal(
      await errorName(
        cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: uniqueEmail('ghost') })),
      ),
      'UserNotFoundException',
    );
  });

  test('ResendConfirmationCode sends a new code to an unconfirmed user', async () => {
    const email = uniqueEmail('resend');
    await cognito.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Passw0rd-12' }));
    const first = service.outbox.latestCode(email, 'SignUp');
    const out = await cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: email }));
    assert.deepEqual(out.CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'r***@e***',
    });
    assert.equal(service.outbox.messages(email).length, 2);
    assert.match(service.outbox.latestCode(email, 'ResendCode') ?? '', /^\d{6}$/);
    assert.ok(first);
  });

  test('SignUp applies the pool policy (cognito-local does not)', async () => {
    const error = await errorOf(
      cognito.send(new SignUpCommand({ ClientId: clientId, Username: uniqueEmail('weak'), Password: 'Short1Aa' })),
    );
    assert.deepEqual(error, {
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
  });
});

describe('tokens', () => {
  test('ID tokens verify against the pool JWKS (RS256) and carry Cognito claims', async () => {
    const email = await confirmedUser();
    const { IdToken } = await passwordSignIn(email, 'Passw0rd-1');
    const jwks = (await (await fetch(`${service.url}/${poolId}/.well-known/jwks.json`)).json()) as {
      keys: (JsonWebKey & { kid: string })[];
    };
    const [header, payload, signature] = IdToken!.split('.') as [string, string, string];
    const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
    assert.equal(alg, 'RS256');
    const jwk = jwks.keys.find((k) => k.kid === kid);
    assert.ok(jwk, 'the token names a key of the JWKS');
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    assert.ok(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')));
    assert.ok(!verify('RSA-SHA256', Buffer.from(`${header}.${payload}x`), key, Buffer.from(signature, 'base64url')));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims['iss'], `${service.url}/${poolId}`);
    assert.equal(claims['aud'], clientId);
    assert.equal(claims['token_use'], 'id');
    assert.equal(claims['email'], email);
    assert.equal((claims['exp'] as number) - (claims['iat'] as number), 2);
  });

  test('an expired access token is refused; the refresh token still gets new ones', async () => {
    const email = await confirmedUser();
    const tokens = await passwordSignIn(email, 'Passw0rd-1');
    assert.equal(
      (await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).UserAttributes?.find(
        (a) => a.Name === 'email',
      )?.Value,
      email,
    );
    await new Promise((r) => setTimeout(r, 3100)); // real time for the 2 s access token to expire (whole seconds)
    assert.deepEqual(await errorOf(cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))), {
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
    const refreshed = await cognito.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: tokens.RefreshToken }),
    );
    assert.ok(refreshed.AuthenticationResult?.AccessToken);
    assert.equal(
      (await cognito.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult.AccessToken }))).Username !==
        undefined,
      true,
    );
  });

  test('a forged access token (not signed by the pool) is refused', async () => {
    const email = await confirmedUser();
    const { AccessToken } = await passwordSignIn(email, 'Passw0rd-1');
    const [header, payload] = AccessToken!.split('.') as [string, string];
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    assert.deepEqual(await errorOf(cognito.send(new GetUserCommand({ AccessToken: forged }))), {
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });

  test('RevokeToken ends that sign-in only; GlobalSignOut ends all of them', async () => {
    const email = await confirmedUser();
    const a = await passwordSignIn(email, 'Passw0rd-1');
    const b = await passwordSignIn(email, 'Passw0rd-1');
    await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: a.RefreshToken }));
    const refreshA = await errorOf(
      cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: a.RefreshToken })),
    );
    assert.equal(refreshA.name, 'NotAuthorizedException');
    assert.equal(
      (await errorOf(cognito.send(new GetUserCommand({ AccessToken: a.AccessToken })))).message,
      'Access Token has been revoked',
    );
    assert.ok(
      (await cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: b.RefreshToken })))
        .AuthenticationResult,
    );

    await cognito.send(new GlobalSignOutCommand({ AccessToken: b.AccessToken }));
    assert.equal(
      (
        await errorOf(
          cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: b.RefreshToken })),
        )
      ).name,
      'NotAuthorizedException',
    );
    // A sign-in after the global sign-out works as usual.
    const c = await passwordSignIn(email, 'Passw0rd-1');
    assert.ok((await cognito.send(new GetUserCommand({ AccessToken: c.AccessToken }))).Username);
  });

  test('ChangePassword with a wrong old password is NotAuthorizedException (cognito-local: InvalidPasswordException)', async () => {
    const email = await confirmedUser();
    const { AccessToken } = await passwordSignIn(email, 'Passw0rd-1');
    const error = await errorOf(
      cognito.send(
        new ChangePasswordCommand({ AccessToken, PreviousPassword: 'wrong-Passw0rd', ProposedPassword: 'Passw0rd-22' }),
      ),
    );
    assert.deepEqual(error, { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});

describe('HTTP', () => {
  test('CORS preflights from any localhost origin are answered and cached for two hours; others get no grant', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8000', 'http://[::1]:3000']) {
      const response = await fetch(service.url, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.equal(response.headers.get('access-control-max-age'), '7200');
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /x-amz-target/);
    }
    const foreign = await fetch(service.url, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  test('an unknown target and a malformed body get JSON errors, not a crash', async () => {
    // 400, not 5xx: the SDKs retry 5xx answers, and asking again for an operation that does not exist is pointless.
    for (const target of ['NoSuchOperation', 'StartWebAuthnRegistration']) {
      const unknown = await fetch(service.url, {
        method: 'POST',
        headers: { 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` },
        body: '{}',
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnknownOperationException');
      const error = (await unknown.json()) as { __type: string; message: string };
      assert.equal(error.__type, 'UnknownOperationException');
      assert.ok(error.message.includes(target), error.message);
    }
    const malformed = await fetch(service.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: '{not json',
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.headers.get('x-amzn-errortype'), 'SerializationException');
  });

  test('the AWS SDK gets an unknown operation as a client error at the first attempt, without retrying', async () => {
    const sdk = new CognitoIdentityProviderClient({
      endpoint: service.url,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 3,
    });
    // An operation this service does not have, sent as the SDK sends any other.
    sdk.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['x-amz-target'] = 'AWSCognitoIdentityProviderService.NoSuchOperation';
        return next(args);
      },
      { step: 'build', name: 'unknownTarget' },
    );
    const mark = service.requests.length;
    const error = (await sdk
      .send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nobody@example.com' }))
      .catch((e: unknown) => e)) as {
      name: string;
      $metadata: { httpStatusCode: number; attempts: number };
    };
    assert.equal(error.name, 'UnknownOperationException');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.$metadata.attempts, 1);
    assert.equal(service.requests.length - mark, 1);
  });
});
