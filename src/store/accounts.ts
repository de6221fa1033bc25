/**
 * The account calls — SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword — as
 * plain Cognito requests (amplify.ts `cognitoRequest`: a deadline, and only Cognito's real answer counts). Each is
 * one unauthenticated request; Amplify's versions would add about 2 KB to every page, login-only pages included.
 */
import { clientId, cognitoRequest } from './amplify.js';
import type { CodeDelivery } from './types.js';

export interface SignUpAnswer {
  readonly userId: string;
  /** Confirmed at once (a pool that needs no code, or a pre-sign-up trigger that confirms). */
  readonly confirmed: boolean;
  readonly delivery: CodeDelivery | null;
}

function client(): string {
  const id = clientId();
  if (!id) throw Object.assign(new Error('No user pool is configured'), { name: 'NotSignedIn' });
  return id;
}

/** Cognito's `CodeDeliveryDetails`, when it is there and well formed. */
function deliveryOf(answer: Record<string, unknown>): CodeDelivery | null {
  const details = answer['CodeDeliveryDetails'] as Record<string, unknown> | undefined;
  const destination = details?.['Destination'];
  if (typeof destination !== 'string' || !destination) return null;
  return {
    destination,
    medium: details?.['DeliveryMedium'] === 'SMS' ? 'SMS' : 'EMAIL',
    attribute: typeof details?.['AttributeName'] === 'string' ? details['AttributeName'] : 'email',
  };
}

export async function signUp(
  email: string,
  password: string,
  attributes: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<SignUpAnswer> {
  const UserAttributes = Object.entries({ ...attributes, email }).map(([Name, Value]) => ({ Name, Value }));
  const answer = await cognitoRequest(
    'SignUp',
    { ClientId: client(), Username: email, Password: password, UserAttributes },
    timeoutMs,
  );
  return {
    userId: String(answer['UserSub'] ?? ''),
    confirmed: answer['UserConfirmed'] === true,
    delivery: deliveryOf(answer),
  };
}

export async function confirmSignUp(email: string, code: string, timeoutMs: number): Promise<void> {
  await cognitoRequest('ConfirmSignUp', { ClientId: client(), Username: email, ConfirmationCode: code }, timeoutMs);
}

export async function resendSignUpCode(email: string, timeoutMs: number): Promise<CodeDelivery | null> {
  return deliveryOf(await cognitoRequest('ResendConfirmationCode', { ClientId: client(), Username: email }, timeoutMs));
}

export async function forgotPassword(email: string, timeoutMs: number): Promise<CodeDelivery | null> {
  return deliveryOf(await cognitoRequest('ForgotPassword', { ClientId: client(), Username: email }, timeoutMs));
}

export async function confirmForgotPassword(
  email: string,
  code: string,
  password: string,
  timeoutMs: number,
): Promise<void> {
  await cognitoRequest(
    'ConfirmForgotPassword',
    { ClientId: client(), Username: email, ConfirmationCode: code, Password: password },
    timeoutMs,
  );
}
