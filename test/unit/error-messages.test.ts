/** The store's error codes → the strings the elements show (internal/error-messages.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en, ja } from '../../src/i18n/catalog.js';
import { messageKeyOf } from '../../src/internal/error-messages.js';
import { CognitoAuthError, toAuthError } from '../../src/store/errors.js';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('messageKeyOf', () => {
  test('a Cognito failure reads as its message in both languages', () => {
    const key = messageKeyOf(toAuthError(named('NotAuthorizedException', 'Incorrect username or password.')));
    assert.equal(key, 'error.incorrectCredentials');
    assert.match(en[key], /password/i);
    assert.ok(ja[key].length > 0);
  });

  test('an unknown name is the generic message, which names it', () => {
    const key = messageKeyOf(toAuthError(named('SomethingNewException')));
    assert.equal(key, 'error.generic');
    assert.match(en[key], /\{name\}/);
  });

  test('a configuration error names its problem', () => {
    assert.equal(
      messageKeyOf(toAuthError(named('ResourceNotFoundException', 'User pool client x does not exist.'))),
      'config.clientNotFound',
    );
    assert.equal(
      messageKeyOf(new CognitoAuthError('ConfigurationError', 'Not configured', 'configuration')),
      'config.missing',
    );
  });

  test('every code has a message in en and ja', () => {
    const codes = [
      'incorrectCredentials',
      'attemptsExceeded',
      'userDisabled',
      'sessionExpired',
      'userNotConfirmed',
      'passwordResetRequired',
      'tooManyRequests',
      'invalidPassword',
      'codeMismatch',
      'codeExpired',
      'usernameExists',
      'invalidParameter',
      'codeDeliveryFailed',
      'network',
      'offline',
      'timeout',
      'alreadySignedIn',
      'notSignedIn',
      'serviceUnavailable',
      'unknown',
    ] as const;
    for (const code of codes) {
      const key = messageKeyOf(new CognitoAuthError('X', '', code));
      assert.ok(en[key] && ja[key], `${code} → ${key}`);
    }
  });
});
