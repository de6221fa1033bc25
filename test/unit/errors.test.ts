/** Cognito error names → the store's error codes, and which failures end a session (store/errors.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CognitoAuthError, isSessionEnded, errorCodeFor, toAuthError, withDeadline } from '../../src/store/errors.js';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('errorCodeFor', () => {
  test('NotAuthorizedException: by its documented message, else a wrong password', () => {
    assert.equal(errorCodeFor('NotAuthorizedException', 'Incorrect username or password.'), 'incorrectCredentials');
    assert.equal(errorCodeFor('NotAuthorizedException', 'Password attempts exceeded'), 'attemptsExceeded');
    assert.equal(errorCodeFor('NotAuthorizedException', 'User is disabled.'), 'userDisabled');
    assert.equal(
      errorCodeFor('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      'sessionExpired',
    );
  });

  test('an unknown user gets the words of a wrong password (never reveal who has an account)', () => {
    assert.equal(
      errorCodeFor('UserNotFoundException', 'User does not exist.'),
      errorCodeFor('NotAuthorizedException', 'Incorrect username or password.'),
    );
  });

  test('throttling, timeouts, service errors and the unknown', () => {
    assert.equal(errorCodeFor('TooManyRequestsException', ''), 'tooManyRequests');
    assert.equal(errorCodeFor('LimitExceededException', ''), 'tooManyRequests');
    assert.equal(errorCodeFor('TimeoutError', ''), 'timeout');
    assert.equal(errorCodeFor('UnexpectedResponse', ''), 'serviceUnavailable');
    assert.equal(errorCodeFor('SomethingNewException', ''), 'unknown');
  });
});

describe('toAuthError', () => {
  test('keeps Cognito’s name and message', () => {
    const error = toAuthError(named('CodeMismatchException', 'Invalid code'));
    assert.ok(error instanceof CognitoAuthError);
    assert.equal(error.name, 'CodeMismatchException');
    assert.equal(error.message, 'Invalid code');
    assert.equal(error.code, 'codeMismatch');
  });

  test('a fetch that never reached the service is a NetworkError', () => {
    assert.equal(toAuthError(new TypeError('Failed to fetch')).name, 'NetworkError');
    assert.equal(toAuthError(named('NetworkError', 'A network error has occurred.')).code, 'network');
  });

  test('configuration mistakes are named as such', () => {
    const error = toAuthError(named('ResourceNotFoundException', 'User pool client x does not exist.'));
    assert.equal(error.name, 'ConfigurationError');
    assert.deepEqual(error.configProblem, { code: 'clientNotFound' });
    assert.equal(
      toAuthError(named('InvalidParameterException', 'USER_SRP_AUTH flow not enabled for this client')).configProblem
        ?.code,
      'flowNotEnabled',
    );
  });

  test('anything else thrown still becomes a CognitoAuthError', () => {
    assert.equal(toAuthError('a string').name, 'UnknownError');
    const same = new CognitoAuthError('NotSignedIn', 'Not signed in', 'notSignedIn');
    assert.equal(toAuthError(same), same);
  });
});

describe('isSessionEnded', () => {
  test('only a definite end: revoked, expired or reused refresh token, user gone or blocked', () => {
    for (const name of [
      'NotAuthorizedException',
      'TokenRevokedException',
      'UserNotFoundException',
      'PasswordResetRequiredException',
      'UserNotConfirmedException',
      'RefreshTokenReuseException',
    ]) {
      assert.equal(isSessionEnded(named(name)), true, name);
    }
  });

  test('transient failures keep the session', () => {
    for (const name of [
      'NetworkError',
      'TimeoutError',
      'InternalErrorException',
      'TooManyRequestsException',
      'UnexpectedResponse',
      'SyntaxError',
      'Unknown',
    ]) {
      assert.equal(isSessionEnded(named(name)), false, name);
    }
    assert.equal(isSessionEnded('NotAuthorizedException'), false, 'not an Error');
  });
});

describe('withDeadline', () => {
  test('passes a result or a failure through', async () => {
    assert.equal(await withDeadline(Promise.resolve(42), 1000), 42);
    await assert.rejects(withDeadline(Promise.reject(named('CodeMismatchException')), 1000), {
      name: 'CodeMismatchException',
    });
  });

  test('work with no answer fails with TimeoutError, and its late failure is no unhandled rejection', async () => {
    let fail: (error: Error) => void = () => undefined;
    const never = new Promise<never>((_, reject) => (fail = reject));
    await assert.rejects(
      withDeadline(never, 5),
      (error: unknown) =>
        error instanceof CognitoAuthError && error.name === 'TimeoutError' && error.code === 'timeout',
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      fail(new Error('late'));
      // Node reports unhandled rejections once the microtasks have run, before the next turn's immediates.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
