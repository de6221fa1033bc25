/**
 * Cognito and Amplify errors → what went wrong, as a code of the store's own (`AuthErrorCode`). By error name;
 * Cognito gives a few names several meanings (NotAuthorizedException is a wrong password, a lockout, a disabled
 * user or an expired session), and only for those is its exact, documented message consulted. Which words the
 * user reads for a code is the elements' business (src/internal/error-messages.ts).
 */
import type { ConfigProblem } from './types.js';

/** What went wrong, whatever Cognito or Amplify called it. `configuration`: see the error's `configProblem`. */
export type AuthErrorCode =
  | 'incorrectCredentials'
  | 'attemptsExceeded'
  | 'userDisabled'
  | 'sessionExpired'
  | 'userNotConfirmed'
  | 'passwordResetRequired'
  | 'tooManyRequests'
  | 'invalidPassword'
  | 'codeMismatch'
  | 'codeExpired'
  | 'usernameExists'
  | 'invalidParameter'
  | 'codeDeliveryFailed'
  | 'network'
  | 'offline'
  | 'timeout'
  | 'alreadySignedIn'
  | 'notSignedIn'
  | 'serviceUnavailable'
  | 'configuration'
  | 'unknown';

/** An error from a store action: Cognito's name, its own message, and what it means. */
export class CognitoAuthError extends Error {
  constructor(
    name: string,
    message: string,
    /** What went wrong (several Cognito names can mean one thing; one name can mean several). */
    readonly code: AuthErrorCode,
    /** Set when the error is about the configuration. */
    readonly configProblem?: ConfigProblem,
  ) {
    super(message);
    this.name = name;
  }
}

const NOT_AUTHORIZED: Record<string, AuthErrorCode> = {
  'Password attempts exceeded': 'attemptsExceeded',
  'User is disabled.': 'userDisabled',
  'Invalid session for the user, session is expired.': 'sessionExpired',
  'Invalid session for the user.': 'sessionExpired',
};

const BY_NAME: Record<string, AuthErrorCode> = {
  NotAuthorizedException: 'incorrectCredentials',
  // Never reveal whether an account exists: the same words as a wrong password.
  UserNotFoundException: 'incorrectCredentials',
  UserNotConfirmedException: 'userNotConfirmed',
  PasswordResetRequiredException: 'passwordResetRequired',
  LimitExceededException: 'tooManyRequests',
  TooManyRequestsException: 'tooManyRequests',
  TooManyFailedAttemptsException: 'attemptsExceeded',
  InvalidPasswordException: 'invalidPassword',
  PasswordHistoryPolicyViolationException: 'invalidPassword',
  CodeMismatchException: 'codeMismatch',
  // A wrong first code of an authenticator app being set up (VerifySoftwareToken).
  EnableSoftwareTokenMFAException: 'codeMismatch',
  ExpiredCodeException: 'codeExpired',
  UsernameExistsException: 'usernameExists',
  AliasExistsException: 'usernameExists',
  InvalidParameterException: 'invalidParameter',
  // A pre-sign-up (or other) trigger refused: its message is the reason to show.
  UserLambdaValidationException: 'invalidParameter',
  CodeDeliveryFailureException: 'codeDeliveryFailed',
  NetworkError: 'network',
  TimeoutError: 'timeout',
  // A 2xx that is not Cognito's answer (an HTML page from a proxy, a non-JSON body).
  UnexpectedResponse: 'serviceUnavailable',
  UserAlreadyAuthenticatedException: 'alreadySignedIn',
  UserUnAuthenticatedException: 'notSignedIn',
  NotSignedIn: 'notSignedIn',
  InternalErrorException: 'serviceUnavailable',
  ServiceUnavailable: 'serviceUnavailable',
};

/** The code for an error from Cognito or Amplify. */
export function errorCodeFor(name: string, message: string): AuthErrorCode {
  if (name === 'NotAuthorizedException' && message in NOT_AUTHORIZED) return NOT_AUTHORIZED[message]!;
  return BY_NAME[name] ?? 'unknown';
}

/** Errors that mean the configuration is wrong, not the user's input. */
export function configProblemOf(name: string, message: string): ConfigProblem | undefined {
  if (name === 'ResourceNotFoundException') return { code: 'clientNotFound' };
  if (name === 'InvalidParameterException' && /flow not enabled/i.test(message)) return { code: 'flowNotEnabled' };
  if (name === 'InvalidUserPoolConfigurationException' || name === 'AuthUserPoolException') return { code: 'missing' };
  return undefined;
}

/** Wraps anything thrown by Amplify (or fetch) into a CognitoAuthError. */
export function toAuthError(error: unknown): CognitoAuthError {
  if (error instanceof CognitoAuthError) return error;
  const name = error instanceof Error ? error.name : 'UnknownError';
  const message = error instanceof Error ? error.message : String(error);
  const problem = configProblemOf(name, message);
  if (problem) return new CognitoAuthError('ConfigurationError', message, 'configuration', problem);
  // A fetch that never reached the service: Amplify's NetworkError, or a bare TypeError from fetch.
  if (name === 'NetworkError' || (error instanceof TypeError && /fetch|network/i.test(message))) {
    return new CognitoAuthError(
      'NetworkError',
      message,
      typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'network',
    );
  }
  return new CognitoAuthError(name, message, errorCodeFor(name, message));
}

/**
 * Errors that end a session for good: the refresh token is expired, revoked or reused, or the user is gone or
 * must reset the password. The same list for which Amplify clears the tokens (TokenOrchestrator.isAuthenticationError);
 * every other failure of a refresh (network, timeout, 5xx, throttling, a garbled answer) is transient.
 */
const SESSION_ENDED = [
  'NotAuthorizedException',
  'TokenRevokedException',
  'UserNotFoundException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
  'RefreshTokenReuseException',
];

export const isSessionEnded = (error: unknown): boolean =>
  error instanceof Error && SESSION_ENDED.some((name) => error.name.startsWith(name));

/** Rejects with a `TimeoutError` when `work` has not settled within `ms` (the work itself goes on unobserved). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CognitoAuthError('TimeoutError', `No answer within ${ms} ms`, 'timeout')), ms);
  });
  // race() also handles a late rejection of abandoned work: never an unhandled rejection.
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
