/** The local service's pure rules: password policy, lockout, challenge sessions, masked destinations. */
import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { ChallengeSessions } from '../../local-cognito/src/challenges.js';
import { Lockout } from '../../local-cognito/src/lockout.js';
import { maskDestination } from '../../local-cognito/src/mask.js';
import { assertPasswordPolicy } from '../../local-cognito/src/password-policy.js';

const refusal = (message: string) => ({
  code: 'InvalidPasswordException',
  message: `Password did not conform with policy: ${message}`,
});

describe('password policy (Cognito’s wording)', () => {
  test('the default policy: 8 characters, lower, upper, number, symbol', () => {
    assert.doesNotThrow(() => assertPasswordPolicy('Passw0rd!', undefined));
    assert.throws(() => assertPasswordPolicy('Pa0!', undefined), refusal('Password not long enough'));
    assert.throws(
      () => assertPasswordPolicy('PASSW0RD!', undefined),
      refusal('Password must have lowercase characters'),
    );
    assert.throws(
      () => assertPasswordPolicy('passw0rd!', undefined),
      refusal('Password must have uppercase characters'),
    );
    assert.throws(() => assertPasswordPolicy('Password!', undefined), refusal('Password must have numeric characters'));
    assert.throws(() => assertPasswordPolicy('Passw0rdd', undefined), refusal('Password must have symbol characters'));
  });

  test('a pool’s own policy, and the space counts as a symbol', () => {
    assert.doesNotThrow(() =>
      assertPasswordPolicy('abcdef', {
        MinimumLength: 6,
        RequireUppercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
      }),
    );
    assert.doesNotThrow(() => assertPasswordPolicy('Pass w0rd', undefined));
  });
});

describe('lockout', () => {
  test('five failures in a row lock the user, doubling; a success clears it', () => {
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const lockout = new Lockout();
      for (let i = 0; i < 4; i++) lockout.fail('u');
      assert.doesNotThrow(() => lockout.assertOpen('u'));
      lockout.fail('u');
      assert.throws(() => lockout.assertOpen('u'), { message: 'Password attempts exceeded' });
      mock.timers.tick(1001);
      assert.doesNotThrow(() => lockout.assertOpen('u'));
      lockout.fail('u'); // the sixth: locked for 2 s
      mock.timers.tick(1500);
      assert.throws(() => lockout.assertOpen('u'));
      lockout.succeed('u');
      assert.doesNotThrow(() => lockout.assertOpen('u'));
      assert.doesNotThrow(() => lockout.assertOpen('someone else'));
    } finally {
      mock.timers.reset();
    }
  });
});

describe('challenge sessions', () => {
  const challenge = { challengeName: 'PASSWORD_VERIFIER', clientId: 'c', username: 'u', userExists: true } as const;

  test('answer once, for their own challenge and client', () => {
    const sessions = new ChallengeSessions();
    const id = sessions.create(challenge);
    assert.throws(() => sessions.take(id, 'PASSWORD_VERIFIER', 'other client'), {
      message: 'Invalid session for the user, session is expired.',
    });
    const again = sessions.create(challenge);
    assert.equal(sessions.take(again, 'PASSWORD_VERIFIER', 'c').username, 'u');
    assert.throws(() => sessions.take(again, 'PASSWORD_VERIFIER', 'c'), {
      message: 'Invalid session for the user, session is expired.',
    });
    assert.throws(() => sessions.take(undefined, 'PASSWORD_VERIFIER', 'c'));
  });

  test('expire after three minutes', () => {
    mock.timers.enable({ apis: ['Date'], now: 5_000_000 });
    try {
      const sessions = new ChallengeSessions();
      const id = sessions.create(challenge);
      mock.timers.tick(3 * 60 * 1000 + 1);
      assert.throws(() => sessions.take(id, 'PASSWORD_VERIFIER', 'c'), {
        message: 'Invalid session for the user, session is expired.',
      });
    } finally {
      mock.timers.reset();
    }
  });
});

describe('masked destinations', () => {
  test('as Cognito shows them', () => {
    assert.equal(maskDestination('demo@example.com'), 'd***@e***');
    assert.equal(maskDestination('+819012345678'), '+*******5678');
  });
});
