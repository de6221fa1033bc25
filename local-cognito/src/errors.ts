/**
 * Cognito's error names and messages, as the real service sends them. Built on cognito-local's CognitoError so
 * that errors thrown by its own targets and by ours travel the same way (HTTP 400, `__type` = the name).
 */
import { CognitoError, UnsupportedError } from 'cognito-local/lib/errors.js';

export { CognitoError, UnsupportedError };

export const notAuthorized = (message = 'Incorrect username or password.'): CognitoError =>
  new CognitoError('NotAuthorizedException', message);

export const userNotFound = (message = 'User does not exist.'): CognitoError =>
  new CognitoError('UserNotFoundException', message);

export const userNotConfirmed = (): CognitoError =>
  new CognitoError('UserNotConfirmedException', 'User is not confirmed.');

export const passwordResetRequired = (): CognitoError =>
  new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');

export const invalidPassword = (reason: string): CognitoError =>
  new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${reason}`);

export const invalidParameter = (message: string): CognitoError =>
  new CognitoError('InvalidParameterException', message);

export const invalidSession = (): CognitoError => notAuthorized('Invalid session for the user, session is expired.');

export const resourceNotFound = (message: string): CognitoError =>
  new CognitoError('ResourceNotFoundException', message);

export const usernameExists = (message = 'User already exists'): CognitoError =>
  new CognitoError('UsernameExistsException', message);

export const codeMismatch = (): CognitoError =>
  new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');

export const expiredCode = (): CognitoError =>
  new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');

/** Too many wrong codes (Cognito also answers it for too many codes requested; this service does not). */
export const attemptLimitExceeded = (): CognitoError =>
  new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

/** A wrong SMS, email or TOTP code at sign-in (Cognito's message for MFA codes, seen; not the sign-up one). */
export const mfaCodeMismatch = (): CognitoError =>
  new CognitoError('CodeMismatchException', 'Invalid code received for user');

/** A TOTP code (or an older one) that was already accepted for the user (seen). */
export const softwareTokenReused = (): CognitoError =>
  new CognitoError('ExpiredCodeException', 'Your software token has already been used once.');

/** VerifySoftwareToken with a wrong code (the name is documented; the message is a guess). */
export const softwareTokenSetupMismatch = (): CognitoError =>
  new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch');

/** TOTP in a pool that does not enable it (documented, name and message). */
export const softwareTokenNotEnabled = (): CognitoError =>
  new CognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');

export const unsupported = (what: string): UnsupportedError => new UnsupportedError(what);
