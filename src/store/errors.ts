/**
 * Cognito and Amplify errors → the message key the elements show. By error name; Cognito gives a few names
 * several meanings (NotAuthorizedException is a wrong password, a lockout, a disabled user or an expired
 * session), and only for those is its exact, documented message consulted.
 */
import type { ConfigProblem } from './types.js';

/**
 * The messages the store can ask the elements to show. Each is a key of their strings (src/i18n), which the
 * element side checks when it looks one up; the store itself knows no strings.
 */
export type MessageKey =
  | 'error.incorrectCredentials'
  | 'error.attemptsExceeded'
  | 'error.userDisabled'
  | 'error.sessionExpired'
  | 'error.userNotConfirmed'
  | 'error.passwordResetRequired'
  | 'error.tooManyRequests'
  | 'error.invalidPassword'
  | 'error.codeMismatch'
  | 'error.codeExpired'
  | 'error.network'
  | 'error.offline'
  | 'error.timeout'
  | 'error.alreadySignedIn'
  | 'error.notSignedIn'
  | 'error.serviceUnavailable'
  | 'error.generic'
  | `config.${ConfigProblem['code']}`;

/** An error from a store action: Cognito's name, its own message, and what to show. */
export class CognitoAuthError extends Error {
  constructor(
    name: string,
    message: string,
    /** The localized message to show (see src/i18n). */
    readonly key: MessageKey,
    /** Set when the error is about the configuration. */
    readonly configProblem?: ConfigProblem,
  ) {
    super(message);
    this.name = name;
  }
}

const NOT_AUTHORIZED: Record<string, MessageKey> = {
  'Password attempts exceeded': 'error.attemptsExceeded',
  'User is disabled.': 'error.userDisabled',
  'Invalid session for the user, session is expired.': 'error.sessionExpired',
  'Invalid session for the user.': 'error.sessionExpired',
};

const BY_NAME: Record<string, MessageKey> = {
  NotAuthorizedException: 'error.incorrectCredentials',
  // Never reveal whether an account exists: the same words as a wrong password.
  UserNotFoundException: 'error.incorrectCredentials',
  UserNotConfirmedException: 'error.userNotConfirmed',
  PasswordResetRequiredException: 'error.passwordResetRequired',
  LimitExceededException: 'error.tooManyRequests',
  TooManyRequestsException: 'error.tooManyRequests',
  TooManyFailedAttemptsException: 'error.attemptsExceeded',
  InvalidPasswordException: 'error.invalidPassword',
  CodeMismatchException: 'error.codeMismatch',
  ExpiredCodeException: 'error.codeExpired',
  NetworkError: 'error.network',
  TimeoutError: 'error.timeout',
  // A 2xx that is not Cognito's answer (an HTML page from a proxy, a non-JSON body).
  UnexpectedResponse: 'error.serviceUnavailable',
  UserAlreadyAuthenticatedException: 'error.alreadySignedIn',
  UserUnAuthenticatedException: 'error.notSignedIn',
  NotSignedIn: 'error.notSignedIn',
  InternalErrorException: 'error.serviceUnavailable',
  ServiceUnavailable: 'error.serviceUnavailable',
};

/** The message key for an error from Cognito or Amplify. */
export function messageKeyFor(name: string, message: string): MessageKey {
  if (name === 'NotAuthorizedException' && message in NOT_AUTHORIZED) return NOT_AUTHORIZED[message]!;
  return BY_NAME[name] ?? 'error.generic';
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
  if (problem) return new CognitoAuthError('ConfigurationError', message, configKey(problem), problem);
  // A fetch that never reached the service: Amplify's NetworkError, or a bare TypeError from fetch.
  if (name === 'NetworkError' || (error instanceof TypeError && /fetch|network/i.test(message))) {
    return new CognitoAuthError('NetworkError', message, typeof navigator !== 'undefined' && navigator.onLine === false ? 'error.offline' : 'error.network');
  }
  return new CognitoAuthError(name, message, messageKeyFor(name, message));
}

export function configKey(problem: ConfigProblem): MessageKey {
  return `config.${problem.code}`;
}

/**
 * Errors that end a session for good: the refresh token is expired, revoked or reused, or the user is gone or
 * must reset the password. The same list for which Amplify clears the tokens (TokenOrchestrator.isAuthenticationError);
 * every other failure of a refresh (network, timeout, 5xx, throttling, a garbled answer) is transient.
 */
const SESSION_ENDED = ['NotAuthorizedException', 'TokenRevokedException', 'UserNotFoundException', 'PasswordResetRequiredException', 'UserNotConfirmedException', 'RefreshTokenReuseException'];

export const isSessionEnded = (error: unknown): boolean => error instanceof Error && SESSION_ENDED.some((name) => error.name.startsWith(name));

/** Rejects with a `TimeoutError` when `work` has not settled within `ms` (the work itself goes on unobserved). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CognitoAuthError('TimeoutError', `No answer within ${ms} ms`, 'error.timeout')), ms);
  });
  // race() also handles a late rejection of abandoned work: never an unhandled rejection.
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
