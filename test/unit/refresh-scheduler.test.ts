/** When the store refreshes (store/refresh-scheduler.ts), on a fake clock. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { RefreshScheduler } from '../../src/store/refresh-scheduler.js';
import type { AuthTokens } from '../../src/store/types.js';

const HOUR = 3_600_000;
/** Tokens valid for an hour from `issuedAt` (Cognito's clock). */
const tokens = (issuedAt: number): AuthTokens => ({
  idToken: 'x',
  accessToken: 'y',
  idTokenClaims: {},
  issuedAt: new Date(issuedAt),
  expiresAt: new Date(issuedAt + HOUR),
});

describe('RefreshScheduler', () => {
  let refreshes = 0;
  let scheduler: RefreshScheduler;
  beforeEach(() => {
    mock.timers.enable({ apis: ['Date', 'setTimeout'], now: 10 * HOUR });
    refreshes = 0;
    scheduler = new RefreshScheduler(() => refreshes++);
  });
  afterEach(() => {
    scheduler.dispose();
    mock.timers.reset();
  });

  test('refreshes a minute before fresh tokens expire, not before', () => {
    scheduler.scheduleFor(tokens(Date.now()), true);
    mock.timers.tick(HOUR - 60_000 - 1);
    assert.equal(refreshes, 0);
    mock.timers.tick(1);
    assert.equal(refreshes, 1);
  });

  test('a clock an hour ahead of Cognito’s: fresh tokens are timed by their lifetime, no refresh every second', () => {
    scheduler.scheduleFor(tokens(Date.now() - HOUR), true); // "already expired" by this computer's clock
    mock.timers.tick(10_000);
    assert.equal(refreshes, 0);
  });

  test('stored tokens are timed by the clock (a restore of expired tokens refreshes soon)', () => {
    scheduler.scheduleFor(tokens(Date.now() - HOUR), false);
    mock.timers.tick(1000);
    assert.equal(refreshes, 1);
  });

  test('transient failures back off: about 5 s, then 10 s, then 20 s', () => {
    scheduler.retry();
    mock.timers.tick(3999);
    assert.equal(refreshes, 0);
    mock.timers.tick(2001);
    assert.equal(refreshes, 1);
    scheduler.retry();
    mock.timers.tick(7999);
    assert.equal(refreshes, 1);
    mock.timers.tick(4001);
    assert.equal(refreshes, 2);
    scheduler.retry();
    mock.timers.tick(15_999);
    assert.equal(refreshes, 2);
  });

  test('after dispose nothing is scheduled again (a sign-in still under way when the store was dropped)', () => {
    scheduler.dispose();
    scheduler.scheduleFor(tokens(Date.now()), true);
    scheduler.retry();
    mock.timers.tick(2 * HOUR);
    assert.equal(refreshes, 0);
  });
});
