/** Browser-side access to the test run's local Cognito service (started with the browser test run). */
import { executeServerCommand } from '@web/test-runner-commands';
import { Secret, TOTP } from 'otpauth';
import type { RequestRecord } from '../../local-cognito/src/http.js';
import { cognitoCall, uniqueEmail, type CognitoAnswer } from './cognito-api.js';
import type { Fault } from './fault.js';

export type { Fault };

export interface PoolConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly userPoolEndpoint: string;
  /** The fault-injecting proxy in front of the service (see setFaults). */
  readonly proxyEndpoint: string;
}

/** Makes the proxy fail matching requests (replacing earlier faults); `setFaults([])` passes everything again. */
export function setFaults(faults: readonly Fault[]): Promise<unknown> {
  return executeServerCommand('fault-proxy:set', { faults });
}

let config: Promise<PoolConfig> | undefined;

/** The demo pool of the test run's service. */
export function poolConfig(): Promise<PoolConfig> {
  config ??= fetch('/__local-cognito/config.json').then((r) => r.json() as Promise<PoolConfig>);
  return config;
}

/** Calls a Cognito API target on the service (admin calls included), in-process on the server side. */
export function callCognito<T = Record<string, unknown>>(target: string, request: Record<string, unknown>): Promise<T> {
  return executeServerCommand('local-cognito:call', { target, request }) as Promise<T>;
}

/** API calls the service received, from index `since` on (use `(await requestLog()).length` as a mark). */
export function requestLog(since = 0): Promise<RequestRecord[]> {
  return executeServerCommand('local-cognito:requests', { since }) as Promise<RequestRecord[]>;
}

/** A user who must choose a new password at first sign-in (temporary password `TempPassw0rd!`). */
export async function createTemporaryUser(poolId?: string, label = 'first'): Promise<string> {
  const email = uniqueEmail(label);
  await callCognito('AdminCreateUser', {
    UserPoolId: poolId ?? (await poolConfig()).userPoolId,
    Username: email,
    TemporaryPassword: 'TempPassw0rd!',
    MessageAction: 'SUPPRESS',
  });
  return email;
}

/** A confirmed user with the given password, made through the admin API. */
export async function createConfirmedUser(password = 'Passw0rd!'): Promise<string> {
  const { userPoolId } = await poolConfig();
  const email = await createTemporaryUser(userPoolId, 'user');
  await callCognito('AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: email,
    Password: password,
    Permanent: true,
  });
  return email;
}

/** Calls the demo pool's service over HTTP as another device would (no Amplify, no admin rights). */
export async function deviceCall(target: string, request: Record<string, unknown>): Promise<CognitoAnswer> {
  return cognitoCall((await poolConfig()).userPoolEndpoint, target, request);
}

/** Signs in as another device (USER_PASSWORD_AUTH): its access token. */
export async function otherDeviceSignIn(email: string, password: string): Promise<string> {
  const { userPoolClientId } = await poolConfig();
  const { body } = await deviceCall('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: userPoolClientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return (body['AuthenticationResult'] as { AccessToken: string }).AccessToken;
}

/** The newest code the service "sent" to `destination` (its outbox). */
export async function latestCode(destination: string): Promise<string> {
  const code = (await executeServerCommand('local-cognito:latest-code', { destination })) as string | null;
  if (typeof code !== 'string') throw new Error(`no code was sent to ${destination}`);
  return code;
}

/** A user who signed up and never confirmed (password `Passw0rd!`), made through SignUp as a page would. */
export async function createUnconfirmedUser(): Promise<string> {
  const email = uniqueEmail('unconfirmed');
  await deviceCall('SignUp', {
    ClientId: (await poolConfig()).userPoolClientId,
    Username: email,
    Password: 'Passw0rd!',
  });
  return email;
}

/** The current code of an authenticator app holding `secret` (base32), `stepsAgo` 30-second steps back. */
export function totpCode(secret: string, stepsAgo = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')) }).generate({
    timestamp: Date.now() - stepsAgo * 30_000,
  });
}

/**
 * A confirmed user (password `Passw0rd!`, a verified email) with MFA set up as a user would from a signed-in page:
 * `totp` (an authenticator app; its secret returned), `email` (codes by email), or both (then none is preferred,
 * unless `preferred` says). The app is verified with the previous step's code, so that a sign-in now can use the
 * current one (Cognito takes each code once).
 */
export async function createMfaUser(factors: {
  readonly totp?: boolean;
  readonly email?: boolean;
  readonly preferred?: 'totp' | 'email';
}): Promise<{ email: string; secret: string | undefined }> {
  const { userPoolId } = await poolConfig();
  const email = await createConfirmedUser();
  await callCognito('AdminUpdateUserAttributes', {
    UserPoolId: userPoolId,
    Username: email,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  const token = await otherDeviceSignIn(email, 'Passw0rd!');
  let secret: string | undefined;
  if (factors.totp) {
    const { body } = await deviceCall('AssociateSoftwareToken', { AccessToken: token });
    secret = String(body['SecretCode']);
    await deviceCall('VerifySoftwareToken', { AccessToken: token, UserCode: totpCode(secret, 1) });
  }
  await deviceCall('SetUserMFAPreference', {
    AccessToken: token,
    ...(factors.totp && {
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: factors.preferred === 'totp' },
    }),
    ...(factors.email && { EmailMfaSettings: { Enabled: true, PreferredMfa: factors.preferred === 'email' } }),
  });
  return { email, secret };
}
