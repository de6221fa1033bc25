/** The state machine's rule: which events a change of state announces (store/machine.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { challenged, eventsOf, initialState, signedIn, signedOut, userFromClaims } from '../../src/store/machine.js';
import type { AuthState } from '../../src/store/types.js';

const alice = userFromClaims({ sub: 'a-1', 'cognito:username': 'a-1', email: 'alice@example.com' });
const bob = userFromClaims({ sub: 'b-2', email: 'bob@example.com' });
const out = signedOut(initialState);
const inAlice = signedIn(out, alice);

/** Each event as `type` or `type:reason`, in order. */
const names = (events: Event[]) =>
  events.map((event) => {
    const detail = (event as CustomEvent<{ reason?: string; status?: string }>).detail;
    return `${event.type}:${detail.reason ?? detail.status}`;
  });

describe('eventsOf', () => {
  test('the first resolution on load is a change of status, not a sign-in', () => {
    assert.deepEqual(names(eventsOf(initialState, signedIn(initialState, alice), {})), [
      'cognito-auth-change:signedIn',
    ]);
    assert.deepEqual(names(eventsOf(initialState, out, {})), ['cognito-auth-change:signedOut']);
  });

  test('a sign-in: signed-in with its reason, then auth-change', () => {
    assert.deepEqual(names(eventsOf(out, inAlice, { signedIn: 'sign-in' })), [
      'cognito-signed-in:sign-in',
      'cognito-auth-change:signedIn',
    ]);
    const pending = challenged(out, {
      step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
      email: 'a@b.c',
      missingAttributes: [],
    });
    assert.deepEqual(names(eventsOf(pending, inAlice, { signedIn: 'new-password' })), [
      'cognito-signed-in:new-password',
      'cognito-auth-change:signedIn',
    ]);
  });

  test('a sign-out: signed-out with its reason, then auth-change', () => {
    assert.deepEqual(names(eventsOf(inAlice, signedOut(inAlice), { signedOut: 'expired' })), [
      'cognito-signed-out:expired',
      'cognito-auth-change:signedOut',
    ]);
  });

  test('leaving a challenge is no sign-out: only the change of status', () => {
    const pending = challenged(out, {
      step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
      email: 'a@b.c',
      missingAttributes: [],
    });
    assert.deepEqual(names(eventsOf(out, pending, {})), ['cognito-auth-change:newPasswordRequired']);
    assert.deepEqual(names(eventsOf(pending, signedOut(pending, 'sessionExpired'), {})), [
      'cognito-auth-change:signedOut',
    ]);
  });

  test('the same user again (a refresh, another tab): nothing to announce; another user: a sign-in', () => {
    assert.deepEqual(eventsOf(inAlice, signedIn(inAlice, { ...alice }), { signedIn: 'other-tab' }), []);
    assert.deepEqual(names(eventsOf(inAlice, signedIn(inAlice, bob), { signedIn: 'other-tab' })), [
      'cognito-signed-in:other-tab',
      'cognito-auth-change:signedIn',
    ]);
  });

  test('every event bubbles out of shadow roots', () => {
    for (const event of eventsOf(out, inAlice, { signedIn: 'sign-in' }))
      assert.ok(event.bubbles && event.composed, event.type);
  });
});

describe('the states', () => {
  test('carry the configuration problem over, and hold a user only when signed in', () => {
    const problem: AuthState = { ...initialState, configProblem: { code: 'missing' } };
    assert.deepEqual(signedOut(problem).configProblem, { code: 'missing' });
    assert.equal(signedOut(inAlice).user, null);
    assert.equal(signedIn(out, alice).user.email, 'alice@example.com');
  });

  test('the user comes from the ID token claims', () => {
    assert.deepEqual(alice, { username: 'a-1', userId: 'a-1', email: 'alice@example.com' });
    assert.deepEqual(userFromClaims({ sub: 'x' }), { username: 'x', userId: 'x', email: undefined });
  });
});
