/**
 * The only module that imports aws-amplify. A thin adapter: plain data in and out, Amplify's errors passed
 * through untouched (they carry Cognito's error name). Nothing runs at import time.
 *
 * Amplify is configured through @aws-amplify/core with the user-pool token provider only: the `Amplify` facade of
 * the umbrella package also wires identity-pool credentials and cookie storage, which this library never uses
 * (about 14 KB of the bundle). Both publish the same global context, so an app's own `Amplify.configure` from
 * 'aws-amplify' is seen here, and ours is seen by the app's Amplify calls.
 */
import { Amplify, getGlobalContext, hasGlobalContext, type ResourcesConfig } from '@aws-amplify/core';
import { AMPLIFY_SYMBOL } from '@aws-amplify/core/internals/utils';
import { confirmSignIn, fetchAuthSession, signIn, type AuthSession } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub, defaultStorage, sessionStorage, type KeyValueStorageInterface } from 'aws-amplify/utils';
import type {
  AuthFlow,
  AuthTokens,
  CodeDelivery,
  CognitoConfig,
  MfaFactor,
  SignInStep,
  TokenStorage,
} from './types.js';

/** The user-pool part of an Amplify configuration already made by the app, if any. */
export function existingConfig(): CognitoConfig | undefined {
  const cognito = currentResources()?.Auth?.Cognito;
  if (!cognito?.userPoolId || !cognito.userPoolClientId) return undefined;
  return {
    userPoolId: cognito.userPoolId,
    userPoolClientId: cognito.userPoolClientId,
    userPoolEndpoint: cognito.userPoolEndpoint,
  };
}

function currentResources(): ResourcesConfig | undefined {
  return hasGlobalContext() ? getGlobalContext().resourcesConfig : undefined;
}

export function configure(config: CognitoConfig): void {
  const auth: ResourcesConfig['Auth'] = {
    Cognito: {
      userPoolId: config.userPoolId,
      userPoolClientId: config.userPoolClientId,
      ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
    },
  };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth!);
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
  // A sign-in this tab kept in sessionStorage ("remember me" off) is still this tab's after a reload.
  useStorage(config.storage ?? (hasTabSession(config.userPoolClientId) ? 'session' : 'local'));
}

/** Whether this tab's sessionStorage holds a sign-in of the client (Amplify's LastAuthUser key). */
function hasTabSession(clientId: string): boolean {
  try {
    return globalThis.sessionStorage?.getItem(`CognitoIdentityServiceProvider.${clientId}.LastAuthUser`) != null;
  } catch {
    return false; // storage blocked (privacy settings): nothing kept there either
  }
}

/** Where Amplify keeps tokens. Must follow every `Amplify.configure`, which resets it to localStorage. */
export function useStorage(storage: TokenStorage | KeyValueStorageInterface): void {
  const chosen = storage === 'session' ? sessionStorage : storage === 'local' ? defaultStorage : storage;
  cognitoUserPoolsTokenProvider.setKeyValueStorage(chosen);
}

/** The token storage in use now (ours, or one an app's own Amplify set), to put back later. */
export function storageInUse(): KeyValueStorageInterface {
  return cognitoUserPoolsTokenProvider.authTokenStore.getKeyValueStorage();
}

export interface StepResult {
  readonly done: boolean;
  readonly step: SignInStep;
  readonly missingAttributes: readonly string[];
  /** MFA: the factors to choose from (a choice step). */
  readonly factors: readonly MfaFactor[];
  /** MFA: where a text-message or email code went. */
  readonly delivery: CodeDelivery | null;
  /** MFA setup: the authenticator app's shared secret. */
  readonly totpSecret: string | null;
}

type SignInOutput = Awaited<ReturnType<typeof signIn>>;

function toStep(result: SignInOutput): StepResult {
  // Compiles only while every step Amplify can answer is one of ours.
  const step: SignInStep = result.nextStep.signInStep;
  const next = result.nextStep as {
    missingAttributes?: string[];
    allowedMFATypes?: MfaFactor[];
    codeDeliveryDetails?: { destination?: string; deliveryMedium?: string; attributeName?: string };
    totpSetupDetails?: { sharedSecret: string };
  };
  const sent = next.codeDeliveryDetails;
  const medium = sent?.deliveryMedium === 'SMS' ? 'SMS' : 'EMAIL';
  return {
    done: result.isSignedIn,
    step,
    missingAttributes: next.missingAttributes ?? [],
    factors: next.allowedMFATypes ?? [],
    delivery: sent?.destination
      ? {
          destination: sent.destination,
          medium,
          attribute: sent.attributeName ?? (medium === 'SMS' ? 'phone_number' : 'email'),
        }
      : null,
    totpSecret: next.totpSetupDetails?.sharedSecret ?? null,
  };
}

export async function signInWithPassword(username: string, password: string, flow: AuthFlow): Promise<StepResult> {
  return toStep(
    await signIn({
      username,
      password,
      options: { authFlowType: flow === 'password' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH' },
    }),
  );
}

export async function completeNewPassword(
  password: string,
  attributes: Readonly<Record<string, string>>,
): Promise<StepResult> {
  return toStep(await confirmSignIn({ challengeResponse: password, options: { userAttributes: { ...attributes } } }));
}

/** Answers the sign-in step that waits (an MFA code, a factor, an address) with Amplify's `confirmSignIn`. */
export async function answerChallenge(answer: string): Promise<StepResult> {
  return toStep(await confirmSignIn({ challengeResponse: answer }));
}

/**
 * Signs out of this browser: forgets the tokens here at once and tells other tabs (they see the storage change),
 * and asks Cognito to revoke this sign-in's refresh token. Made here, not through Amplify's `signOut()`: that one
 * awaits RevokeToken before it clears anything, so a request that never answers kept the user "signing out"
 * forever with every token still stored, and a late answer would clear whatever session exists by then.
 * The revocation (`revoke`) waits at most `graceMs` before the tokens are cleared (so that it normally lands
 * first, as Amplify's does), and is abandoned after `timeoutMs`; its failure changes nothing here.
 */
export async function signOutHere(options: {
  readonly revoke: boolean;
  readonly timeoutMs: number;
  readonly graceMs: number;
}): Promise<void> {
  const { timeoutMs, graceMs } = options;
  const stored = options.revoke
    ? await cognitoUserPoolsTokenProvider.tokenOrchestrator.getTokenStore().loadTokens()
    : null;
  const clientId = currentResources()?.Auth?.Cognito?.userPoolClientId;
  // Amplify's rule: only tokens that carry `origin_jti` belong to a revocable session.
  if (stored?.refreshToken && clientId && stored.accessToken.payload['origin_jti']) {
    const revoked = cognitoRequest('RevokeToken', { ClientId: clientId, Token: stored.refreshToken }, timeoutMs).catch(
      () => undefined,
    );
    await Promise.race([revoked, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }
  await clearLocalSession();
  Hub.dispatch('auth', { event: 'signedOut' }, 'Auth', AMPLIFY_SYMBOL);
}

/** Removes this browser's tokens (and any identity-pool credentials an app's own Amplify set up). */
export async function clearLocalSession(): Promise<void> {
  await cognitoUserPoolsTokenProvider.tokenOrchestrator.clearTokens();
  await Amplify.Auth.clearCredentials();
}

/**
 * Cognito GlobalSignOut: ends every session of the user, on every device. Made here, not through
 * `signOut({ global: true })`: Amplify swallows a failed GlobalSignOut and clears this browser anyway, so a user
 * signing out a lost phone would be told it worked when the phone stays signed in. This throws instead (Cognito's
 * error name, `NetworkError`, `TimeoutError`) and leaves this browser signed in.
 */
export async function globalSignOut(timeoutMs: number): Promise<void> {
  const tokens = await currentTokens(); // refreshes an expired access token first
  if (!tokens) return;
  await cognitoRequest('GlobalSignOut', { AccessToken: tokens.accessToken }, timeoutMs);
}

/** The app client of the configuration in use. */
export function clientId(): string | undefined {
  return currentResources()?.Auth?.Cognito?.userPoolClientId;
}

function endpoint(): string | undefined {
  const cognito = currentResources()?.Auth?.Cognito;
  if (!cognito?.userPoolId) return undefined;
  const region = cognito.userPoolId.split('_')[0]!;
  return (
    cognito.userPoolEndpoint ?? `https://cognito-idp.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`
  );
}

function serviceError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * One Cognito API call over fetch, for the calls Amplify cannot be trusted with (see above), with a deadline.
 * Only Cognito's real success counts: a 2xx whose body is a JSON object. Anything else (an HTML page from a proxy,
 * a non-JSON 200) is an error, never a success. Errors carry Cognito's name (`{ "__type": "…" }`, possibly
 * `…#`-qualified), `NetworkError` when the service cannot be reached, `TimeoutError` when it did not answer.
 */
export async function cognitoRequest(
  target: string,
  body: object,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const url = endpoint();
  if (!url) throw serviceError('NotSignedIn', 'No user pool is configured');
  let response: Response;
  let payload: unknown;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, {
      method: 'POST',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify(body),
      signal,
    });
    payload = await response.json().catch(() => undefined);
  } catch (error) {
    if (signal.aborted) throw serviceError('TimeoutError', `${target}: no answer within ${timeoutMs} ms`);
    throw serviceError('NetworkError', `${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const object =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  const type = typeof object?.['__type'] === 'string' ? (object['__type'] as string).split('#').pop() : undefined;
  if (response.ok && object && !type) return object;
  const message =
    typeof object?.['message'] === 'string'
      ? (object['message'] as string)
      : `${target}: unexpected answer (HTTP ${response.status})`;
  throw serviceError(type || (response.status >= 500 ? 'ServiceUnavailable' : 'UnexpectedResponse'), message);
}

/** The current tokens, refreshed first when expired (or when forced); undefined when signed out. */
export async function currentTokens(forceRefresh = false): Promise<AuthTokens | undefined> {
  const session: AuthSession = await fetchAuthSession({ forceRefresh });
  return toAuthTokens(session.tokens?.idToken, session.tokens?.accessToken);
}

/**
 * The tokens as stored, never refreshed: for reading the result of a refresh that just happened (a read through
 * fetchAuthSession refreshes again whenever a token has less than Amplify's 5 s tolerance left).
 */
export async function storedTokens(): Promise<AuthTokens | undefined> {
  const stored = await cognitoUserPoolsTokenProvider.tokenOrchestrator.getTokenStore().loadTokens();
  return toAuthTokens(stored?.idToken, stored?.accessToken);
}

type Jwt = NonNullable<AuthSession['tokens']>['accessToken'];

function toAuthTokens(id: Jwt | undefined, access: Jwt | undefined): AuthTokens | undefined {
  if (!id || !access) return undefined;
  const exp = Math.min(Number(id.payload.exp ?? 0), Number(access.payload.exp ?? 0));
  return {
    idToken: id.toString(),
    accessToken: access.toString(),
    idTokenClaims: { ...id.payload },
    issuedAt: new Date(Number(id.payload.iat ?? 0) * 1000),
    expiresAt: new Date(exp * 1000),
  };
}

/** Forgets Amplify's configuration (tests only: see resetAuthStore). */
export function reset(): void {
  Amplify.configure({});
}

/** The Hub events the store follows; others pass through under their own names. */
export type HubEventName = 'signedIn' | 'signedOut' | 'tokenRefresh' | 'tokenRefresh_failure' | (string & {});

/** Follows Amplify's auth channel, including events raised by other tabs (`crossTab`). */
export function listen(callback: (event: HubEventName, crossTab: boolean, error: unknown) => void): () => void {
  return Hub.listen(
    'auth',
    (capsule) => {
      const { payload } = capsule;
      const crossTab = (capsule as { crossTab?: boolean }).crossTab === true;
      callback(payload.event, crossTab, (payload as { data?: { error?: unknown } }).data?.error);
    },
    { enableCrossTabEvents: true },
  );
}
