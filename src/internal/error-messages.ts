/**
 * What the user reads for a store error: its code → a key of the strings (src/i18n). The store says what went
 * wrong; only the elements know words. `Record<…>` makes a new code without a message a compile error.
 */
import type { MessageKey } from '../i18n/index.js';
import type { AuthErrorCode, CognitoAuthError } from '../store/index.js';

const MESSAGES: Record<Exclude<AuthErrorCode, 'configuration'>, MessageKey> = {
  incorrectCredentials: 'error.incorrectCredentials',
  attemptsExceeded: 'error.attemptsExceeded',
  userDisabled: 'error.userDisabled',
  sessionExpired: 'error.sessionExpired',
  userNotConfirmed: 'error.userNotConfirmed',
  passwordResetRequired: 'error.passwordResetRequired',
  tooManyRequests: 'error.tooManyRequests',
  invalidPassword: 'error.invalidPassword',
  codeMismatch: 'error.codeMismatch',
  codeExpired: 'error.codeExpired',
  usernameExists: 'error.usernameExists',
  invalidParameter: 'error.invalidParameter',
  codeDeliveryFailed: 'error.codeDeliveryFailed',
  network: 'error.network',
  offline: 'error.offline',
  timeout: 'error.timeout',
  alreadySignedIn: 'error.alreadySignedIn',
  notSignedIn: 'error.notSignedIn',
  serviceUnavailable: 'error.serviceUnavailable',
  unknown: 'error.generic',
};

/**
 * Cognito's words for LimitExceededException when a code took too many wrong tries (then even the right one is
 * refused until a new code is sent) — and, alas, also when codes were asked for too often. "Wait a moment" would
 * leave the user retyping a code that can no longer work: the message says to send a new one first.
 */
const ATTEMPT_LIMIT = /attempt limit exceeded/i;

/** The message key for a store error (a configuration error names its problem). */
export function messageKeyOf(
  error: Pick<CognitoAuthError, 'code' | 'configProblem'> & Partial<Pick<CognitoAuthError, 'name' | 'message'>>,
): MessageKey {
  if (error.code === 'configuration') return `config.${error.configProblem?.code ?? 'missing'}`;
  if (error.name === 'LimitExceededException' && ATTEMPT_LIMIT.test(error.message ?? '')) return 'error.attemptLimit';
  return MESSAGES[error.code];
}
