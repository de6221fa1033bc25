/**
 * The local service driven by aws-amplify itself (in Node), through `userPoolEndpoint`: every flow the elements
 * rely on, with the answers real Cognito gives. The pool, client and users are made with the AWS SDK, as any
 * user of the service would: nothing here calls the project's own code but to start the service.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { Amplify } from 'aws-amplify';
import {
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resendSignUpCode,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updatePassword,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { KeyValueStorageInterface } from 'aws-amplify/utils';
import { cognitoCall, uniqueEmail, type CognitoAnswer } from '../support/cognito-api.js';
import { errorOf } from '../support/node/errors.js';
import { startTestService } from '../support/node/local-cognito.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

/** Amplify's token storage, readable by the test (Node has no localStorage). */
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
  find(suffix: string): string | undefined {
    for (const [key, value] of this.items) if (key.endsWith(suffix)) return value;
    return undefined;
  }
}

let service: Service;
let admin: CognitoIdentityProviderClient;
let userPoolId: string;
let userPoolClientId: string;
const storage = new MemoryStorage();
// This file's users, in the states the elements meet.
const demo = { email: 'demo@example.com', password: 'Passw0rd!' };
const temporary = { email: 'new@example.com', password: 'TempPassw0rd!' };
const unconfirmed = { email: 'unconfirmed@example.com', password: 'Passw0rd!' };

/** Calls the service's API directly, as any HTTP client would. */
const api = (target: string, body: object): Promise<CognitoAnswer> => cognitoCall(service.url, target, body);

function configure(clientId = userPoolClientId): void {
  Amplify.configure({
    Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: service.url } },
  });
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
}

/** A user with a temporary password (FORCE_CHANGE_PASSWORD), made through the admin API. */
async function createUser(email: string, temporaryPassword = 'TempPassw0rd!'): Promise<string> {
  await admin.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
    }),
  );
  return email;
}

/** A confirmed user. */
async function createConfirmedUser(password = 'Passw0rd!', email = uniqueEmail('user')): Promise<string> {
  await createUser(email);
  await admin.send(
    new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }),
  );
  return email;
}

before(async () => {
  service = await startTestService();
  admin = new CognitoIdentityProviderClient({
    endpoint: service.url,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pool = await admin.send(
    new CreateUserPoolCommand({
      PoolName: 'amplify-tests',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    }),
  );
  userPoolId = pool.UserPool!.Id!;
  const client = await admin.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'amplify-tests',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  userPoolClientId = client.UserPoolClient!.ClientId!;
  await createConfirmedUser(demo.password, demo.email);
  await createUser(temporary.email, temporary.password);
  await admin.send(
    new SignUpCommand({ ClientId: userPoolClientId, Username: unconfirmed.email, Password: unconfirmed.password }),
  );
  configure();
});
after(async () => {
  admin.destroy();
  await service.stop();
});
afterEach(async () => {
  await signOut().catch(() => undefined);
  configure();
});

describe('sign-in with SRP (Amplify default)', () => {
  test('signs in the demo user, with tokens Amplify accepts', async () => {
    const result = await signIn({ username: 'demo@example.com', password: 'Passw0rd!' });
    assert.deepEqual(result, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const user = await getCurrentUser();
    assert.equal(user.signInDetails?.authFlowType, 'USER_SRP_AUTH');
    assert.equal(user.signInDetails?.loginId, 'demo@example.com');
    const { tokens } = await fetchAuthSession();
    assert.equal(tokens?.idToken?.payload['email'], 'demo@example.com');
    assert.equal(tokens?.idToken?.payload['aud'], userPoolClientId);
    assert.equal(tokens?.idToken?.payload['iss'], `${service.url}/${userPoolId}`);
    assert.equal(tokens?.accessToken.payload['token_use'], 'access');
    assert.equal(typeof tokens?.accessToken.payload['origin_jti'], 'string');
    assert.equal(user.userId, tokens?.idToken?.payload['sub']);
  });

  test('a wrong password is NotAuthorizedException "Incorrect username or password."', async () => {
    const error = await errorOf(signIn({ username: 'demo@example.com', password: 'Wrong-Passw0rd!' }));
    assert.deepEqual(error, { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  test('an unknown user looks like a wrong password on a client that prevents user-existence errors', async () => {
    const error = await errorOf(signIn({ username: uniqueEmail('nobody'), password: 'Passw0rd!' }));
    assert.deepEqual(error, { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  test('an unknown user is UserNotFoundException on a LEGACY client', async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'legacy',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'LEGACY',
      }),
    );
    configure(UserPoolClient!.ClientId);
    const error = await errorOf(signIn({ username: uniqueEmail('nobody'), password: 'Passw0rd!' }));
    assert.equal(error.name, 'UserNotFoundException');
  });

  test('five wrong passwords in a row lock further attempts: "Password attempts exceeded"', async () => {
    const email = await createConfirmedUser();
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await errorOf(signIn({ username: email, password: `Wrong-${i}!aA` }))).message,
        'Incorrect username or password.',
      );
    }
    const locked = await errorOf(signIn({ username: email, password: 'Passw0rd!' }));
    assert.deepEqual(locked, { name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  });

  test('an unconfirmed user gets the CONFIRM_SIGN_UP step after a correct password', async () => {
    const result = await signIn({ username: 'unconfirmed@example.com', password: 'Passw0rd!' });
    assert.equal(result.isSignedIn, false);
    assert.equal(result.nextStep.signInStep, 'CONFIRM_SIGN_UP');
  });

  test('an unconfirmed user with a wrong password gets NotAuthorizedException, not the confirm step', async () => {
    const error = await errorOf(signIn({ username: 'unconfirmed@example.com', password: 'Wrong-Passw0rd!' }));
    assert.equal(error.name, 'NotAuthorizedException');
  });
});

describe('USER_PASSWORD_AUTH', () => {
  test('signs in, and a wrong password is NotAuthorizedException (cognito-local says InvalidPasswordException)', async () => {
    const error = await errorOf(
      signIn({ username: 'demo@example.com', password: 'nope', options: { authFlowType: 'USER_PASSWORD_AUTH' } }),
    );
    assert.deepEqual(error, { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const result = await signIn({
      username: 'demo@example.com',
      password: 'Passw0rd!',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    assert.equal(result.isSignedIn, true);
    assert.equal((await getCurrentUser()).signInDetails?.authFlowType, 'USER_PASSWORD_AUTH');
  });

  test('a wrong temporary password is refused (cognito-local accepts it)', async () => {
    const error = await errorOf(
      signIn({
        username: 'new@example.com',
        password: 'Wrong-Temp0!',
        options: { authFlowType: 'USER_PASSWORD_AUTH' },
      }),
    );
    assert.equal(error.name, 'NotAuthorizedException');
  });
});

describe('first sign-in with a temporary password', () => {
  test('FORCE_CHANGE_PASSWORD → confirmSignIn with a new password → signed in, and the refresh token works', async () => {
    const email = await createUser(uniqueEmail('fresh'));

    const first = await signIn({ username: email, password: 'TempPassw0rd!' });
    assert.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');

    const weak = await errorOf(confirmSignIn({ challengeResponse: 'short' }));
    assert.equal(weak.name, 'InvalidPasswordException');
    assert.match(weak.message, /Password not long enough/);

    // The challenge session is single-use; after a refused answer the user signs in again.
    const again = await signIn({ username: email, password: 'TempPassw0rd!' });
    assert.equal(again.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const done = await confirmSignIn({ challengeResponse: 'N3w-Passw0rd!' });
    assert.deepEqual(done, { isSignedIn: true, nextStep: { signInStep: 'DONE' } });

    const before = (await fetchAuthSession()).tokens?.accessToken.toString();
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    assert.ok(refreshed.tokens?.accessToken);
    assert.notEqual(refreshed.tokens?.accessToken.toString(), before);

    await signOut();
    assert.equal((await signIn({ username: email, password: 'N3w-Passw0rd!' })).isSignedIn, true);
  });
});

describe('sign-up', () => {
  test('sign-up → code → confirm → sign in; resend sends a new code at once', async () => {
    const email = uniqueEmail('signup');
    const result = await signUp({ username: email, password: 'Passw0rd!', options: { userAttributes: { email } } });
    assert.equal(result.isSignUpComplete, false);
    assert.equal(result.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
    const first = service.outbox.latestCode(email, 'SignUp');
    assert.match(first ?? '', /^\d{6}$/);

    const resent = await resendSignUpCode({ username: email });
    assert.equal(resent.destination, `${email[0]}***@e***`);
    const second = service.outbox.latestCode(email, 'ResendCode');
    assert.match(second ?? '', /^\d{6}$/);

    const wrong = await errorOf(
      confirmSignUp({ username: email, confirmationCode: second === '000000' ? '111111' : '000000' }),
    );
    assert.equal(wrong.name, 'CodeMismatchException');
    const confirmed = await confirmSignUp({ username: email, confirmationCode: second! });
    assert.equal(confirmed.isSignUpComplete, true);
    assert.equal((await signIn({ username: email, password: 'Passw0rd!' })).isSignedIn, true);
  });

  test('a password against the pool policy is InvalidPasswordException', async () => {
    const error = await errorOf(signUp({ username: uniqueEmail('weak'), password: 'alllowercase1!' }));
    assert.deepEqual(error, {
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
  });

  test('resending to a confirmed user is InvalidParameterException', async () => {
    const error = await errorOf(resendSignUpCode({ username: 'demo@example.com' }));
    assert.equal(error.name, 'InvalidParameterException');
  });
});

describe('password reset', () => {
  test('resetPassword → code → confirmResetPassword → signs in with the new password only', async () => {
    const email = await createConfirmedUser();
    const started = await resetPassword({ username: email });
    assert.equal(started.nextStep.resetPasswordStep, 'CONFIRM_RESET_PASSWORD_WITH_CODE');
    const code = service.outbox.latestCode(email, 'ForgotPassword');
    assert.match(code ?? '', /^\d{6}$/);
    await confirmResetPassword({ username: email, confirmationCode: code!, newPassword: 'R3set-Passw0rd!' });
    assert.equal((await errorOf(signIn({ username: email, password: 'Passw0rd!' }))).name, 'NotAuthorizedException');
    assert.equal((await signIn({ username: email, password: 'R3set-Passw0rd!' })).isSignedIn, true);
  });
});

describe('session', () => {
  test('fetchAuthSession({ forceRefresh: true }) refreshes through GetTokensFromRefreshToken', async () => {
    await signIn({ username: 'demo@example.com', password: 'Passw0rd!' });
    const first = (await fetchAuthSession()).tokens!;
    await new Promise((r) => setTimeout(r, 1100)); // new iat, so the tokens must differ
    const second = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    assert.notEqual(second.idToken!.toString(), first.idToken!.toString());
    assert.equal(second.accessToken.payload['origin_jti'], first.accessToken.payload['origin_jti']);
    assert.ok((second.accessToken.payload['iat'] as number) > (first.accessToken.payload['iat'] as number));
    // The refreshed access token works against the user APIs.
    assert.equal((await fetchUserAttributes()).email, 'demo@example.com');
  });

  test('updatePassword with a wrong old password is NotAuthorizedException; a right one works', async () => {
    const email = await createConfirmedUser();
    await signIn({ username: email, password: 'Passw0rd!' });
    const error = await errorOf(updatePassword({ oldPassword: 'Wrong-Passw0rd!', newPassword: 'An0ther-Passw0rd!' }));
    assert.deepEqual(error, { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await updatePassword({ oldPassword: 'Passw0rd!', newPassword: 'An0ther-Passw0rd!' });
    await signOut();
    assert.equal((await signIn({ username: email, password: 'An0ther-Passw0rd!' })).isSignedIn, true);
  });

  test('signOut() revokes the refresh token (RevokeToken), so it cannot be used again', async () => {
    await signIn({ username: 'demo@example.com', password: 'Passw0rd!' });
    const refreshToken = storage.find('.refreshToken');
    assert.ok(refreshToken);
    const ok = await api('GetTokensFromRefreshToken', { ClientId: userPoolClientId, RefreshToken: refreshToken });
    assert.equal(ok.status, 200);
    await signOut();
    const revoked = await api('GetTokensFromRefreshToken', { ClientId: userPoolClientId, RefreshToken: refreshToken });
    assert.equal(revoked.status, 400);
    assert.equal(revoked.body['__type'], 'NotAuthorizedException');
  });

  test('signOut({ global: true }) revokes every sign-in of the user, on every device', async () => {
    const email = await createConfirmedUser();
    // "Another device": a sign-in made over the API directly.
    const other = await api('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: 'Passw0rd!' },
    });
    const otherTokens = other.body['AuthenticationResult'] as { AccessToken: string; RefreshToken: string };

    await signIn({ username: email, password: 'Passw0rd!' });
    const refreshToken = storage.find('.refreshToken');
    const accessToken = (await fetchAuthSession()).tokens!.accessToken.toString();
    await signOut({ global: true });

    for (const token of [refreshToken, otherTokens.RefreshToken]) {
      const refresh = await api('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: userPoolClientId,
        AuthParameters: { REFRESH_TOKEN: token },
      });
      assert.deepEqual([refresh.status, refresh.body['__type']], [400, 'NotAuthorizedException']);
    }
    for (const token of [accessToken, otherTokens.AccessToken]) {
      const getUser = await api('GetUser', { AccessToken: token });
      assert.deepEqual(
        [getUser.status, getUser.body['__type'], getUser.body['message']],
        [400, 'NotAuthorizedException', 'Access Token has been revoked'],
      );
    }
  });
});
