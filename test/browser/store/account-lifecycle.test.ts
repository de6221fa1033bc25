/**
 * The store's account journeys against the local service: sign-up → code → signed in, password reset → signed in,
 * their states and events, and their errors (through the fault proxy where the failure is the network's).
 */
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import { configure, getAuthStore, type AuthState, type CognitoAuthError } from '../../../src/index.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import { cleanSlate } from '../../support/fixtures.js';
import {
  createConfirmedUser,
  createTemporaryUser,
  latestCode,
  poolConfig,
  requestLog,
  setFaults,
} from '../../support/local-cognito.js';

const PASSWORD = 'Passw0rd!';

/** Every cognito-* event on document, by type. */
function record() {
  const seen: { type: string; detail: unknown }[] = [];
  const types = [
    'cognito-signed-in',
    'cognito-auth-change',
    'cognito-next-step',
    'cognito-account-created',
    'cognito-password-reset',
    'cognito-error',
  ];
  const listener = (event: Event) => seen.push({ type: event.type, detail: (event as CustomEvent).detail });
  types.forEach((type) => document.addEventListener(type, listener));
  return {
    seen,
    of: (type: string) => seen.filter((e) => e.type === type).map((e) => e.detail),
    stop: () => types.forEach((type) => document.removeEventListener(type, listener)),
  };
}

async function configured(options: { viaProxy?: boolean } = {}) {
  const config = await poolConfig();
  configure({
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    userPoolEndpoint: options.viaProxy ? config.proxyEndpoint : config.userPoolEndpoint,
    timeoutMs: 5000,
  });
  const store = getAuthStore();
  await new Promise<void>((resolve) => {
    if (store.state.status !== 'loading') return resolve();
    const stop = store.subscribe((state) => state.status !== 'loading' && (stop(), resolve()));
  });
  return store;
}

const failureOf = (promise: Promise<unknown>): Promise<CognitoAuthError> =>
  promise.then(
    () => expect.fail('should have failed'),
    (error: unknown) => error as CognitoAuthError,
  );

describe('store: sign-up', () => {
  beforeEach(cleanSlate);
  afterEach(cleanSlate);

  it('creates the account, waits for the code with its masked destination, then signs in (reason sign-up) with no second password', async () => {
    const store = await configured();
    const events = record();
    const email = uniqueEmail('signup');
    const mark = (await requestLog()).length;

    const created = await store.signUp(email, PASSWORD);
    expect(created).to.deep.equal({ status: 'confirmSignUp', step: 'CONFIRM_SIGN_UP' });
    const waiting = store.state as Extract<AuthState, { status: 'confirmSignUp' }>;
    expect(waiting.pending.email).to.equal(email);
    expect(waiting.pending.delivery?.medium).to.equal('EMAIL');
    expect(waiting.pending.delivery?.destination).to.match(/^\w\*+@\w\*+/);
    expect(waiting.pending.delivery?.destination).not.to.contain(email.split('@')[0]!.slice(1));
    expect(JSON.stringify(store.state)).not.to.contain(PASSWORD);
    expect(events.of('cognito-account-created')).to.deep.equal([
      { username: email, confirmed: false, delivery: waiting.pending.delivery },
    ]);
    expect(events.of('cognito-next-step')).to.deep.equal([{ step: 'CONFIRM_SIGN_UP' }]);

    const done = await store.confirmSignUp(await latestCode(email));
    expect(done).to.deep.equal({ status: 'signedIn', step: 'DONE' });
    expect(store.state.user?.email).to.equal(email);
    expect(events.of('cognito-signed-in')).to.have.length(1);
    expect((events.of('cognito-signed-in')[0] as { reason: string }).reason).to.equal('sign-up');
    expect(events.of('cognito-auth-change').map((d) => (d as { status: string }).status)).to.deep.equal([
      'confirmSignUp',
      'signedIn',
    ]);
    const targets = (await requestLog(mark)).map((r) => r.target);
    expect(targets).to.deep.equal(['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge']);
    events.stop();
  });

  it('a wrong code keeps the step (the code can be typed again); a new code replaces it', async () => {
    const store = await configured();
    const email = uniqueEmail('wrongcode');
    await store.signUp(email, PASSWORD);
    const first = await latestCode(email);
    const wrong = first === '000000' ? '111111' : '000000';
    expect((await failureOf(store.confirmSignUp(wrong))).code).to.equal('codeMismatch');
    expect(store.state.status).to.equal('confirmSignUp');

    const delivery = await store.resendSignUpCode();
    expect(delivery?.destination).to.match(/\*/);
    const second = await latestCode(email);
    expect((await store.confirmSignUp(second)).status).to.equal('signedIn');
  });

  it('an existing email: UsernameExistsException, nothing changes', async () => {
    const store = await configured();
    const email = await createConfirmedUser();
    const failure = await failureOf(store.signUp(email, PASSWORD));
    expect(failure.name).to.equal('UsernameExistsException');
    expect(store.state.status).to.equal('signedOut');
  });

  it('a password the policy refuses: InvalidPasswordException (code invalidPassword), no account', async () => {
    const store = await configured();
    const failure = await failureOf(store.signUp(uniqueEmail('weak'), 'short'));
    expect(failure.name).to.equal('InvalidPasswordException');
    expect(failure.code).to.equal('invalidPassword');
    expect(store.state.status).to.equal('signedOut');
  });

  it('a dropped ConfirmSignUp keeps the step and the held password: the retry signs in', async () => {
    const store = await configured({ viaProxy: true });
    const email = uniqueEmail('dropped');
    await store.signUp(email, PASSWORD);
    const code = await latestCode(email);
    // Every attempt: Chromium itself retries a POST once when a reused connection is dropped.
    await setFaults([{ target: 'ConfirmSignUp', kind: 'network' }]);
    expect((await failureOf(store.confirmSignUp(code))).name).to.equal('NetworkError');
    expect(store.state.status).to.equal('confirmSignUp');
    await setFaults([]);
    expect((await store.confirmSignUp(code)).status).to.equal('signedIn');
  });

  it('a sign-in that fails after the code was accepted: the retry only signs in (no second ConfirmSignUp)', async () => {
    const store = await configured({ viaProxy: true });
    const email = uniqueEmail('confirmedthen');
    await store.signUp(email, PASSWORD);
    const code = await latestCode(email);
    await setFaults([{ target: 'InitiateAuth', kind: 'network' }]);
    expect((await failureOf(store.confirmSignUp(code))).name).to.equal('NetworkError');
    await setFaults([]);
    const state = store.state as Extract<AuthState, { status: 'confirmSignUp' }>;
    expect(state.pending.confirmed).to.equal(true);
    const mark = (await requestLog()).length;
    expect((await store.confirmSignUp('')).status).to.equal('signedIn');
    expect((await requestLog(mark)).map((r) => r.target)).not.to.include('ConfirmSignUp');
  });

  it('Back while the code is being checked: the step stays left, and nobody is signed in with the held password', async () => {
    const store = await configured({ viaProxy: true });
    const email = uniqueEmail('backmidway');
    await store.signUp(email, PASSWORD);
    const code = await latestCode(email);
    await setFaults([{ target: 'ConfirmSignUp', kind: 'delay', delayMs: 600 }]);
    const confirming = store.confirmSignUp(code);
    store.cancelStep();
    const result = await confirming;
    expect(result.status).to.equal('signedOut');
    expect(store.state.status).to.equal('signedOut');
    expect(
      (await requestLog()).filter((r) => r.target === 'InitiateAuth' && JSON.stringify(r).includes(email)),
    ).to.have.length(0);
  });

  it('Back drops the step', async () => {
    const store = await configured();
    await store.signUp(uniqueEmail('back'), PASSWORD);
    store.cancelStep();
    expect(store.state.status).to.equal('signedOut');
    expect((await failureOf(store.confirmSignUp('123456'))).name).to.equal('NoChallenge');
  });
});

describe('store: password reset', () => {
  beforeEach(cleanSlate);
  afterEach(cleanSlate);

  it('code → new password → signed in (reason password-reset); the old password no longer works', async () => {
    const store = await configured();
    const events = record();
    const email = await createConfirmedUser();
    expect(await store.resetPassword(email)).to.deep.equal({
      status: 'resetPassword',
      step: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
    });
    const code = await latestCode(email);
    expect((await store.confirmResetPassword(code, 'N3w-Passw0rd!')).status).to.equal('signedIn');
    expect(events.of('cognito-password-reset')).to.deep.equal([{ username: email }]);
    expect((events.of('cognito-signed-in')[0] as { reason: string }).reason).to.equal('password-reset');
    await store.signOut();
    expect((await failureOf(store.signIn(email, PASSWORD))).code).to.equal('incorrectCredentials');
    expect((await store.signIn(email, 'N3w-Passw0rd!')).status).to.equal('signedIn');
    events.stop();
  });

  it('an email with no account reaches the same step, with the same shape of answer', async () => {
    const store = await configured();
    const known = await createConfirmedUser();
    await store.resetPassword(known);
    const knownState = store.state as Extract<AuthState, { status: 'resetPassword' }>;
    store.cancelStep();
    await store.resetPassword(uniqueEmail('nobody'));
    const unknownState = store.state as Extract<AuthState, { status: 'resetPassword' }>;
    expect(unknownState.status).to.equal('resetPassword');
    expect(Object.keys(unknownState.pending)).to.deep.equal(Object.keys(knownState.pending));
    expect(unknownState.pending.delivery?.medium).to.equal(knownState.pending.delivery?.medium);
  });

  it('an account that cannot be reset now (a temporary password) reaches the same step as any email; its code is a code error, not a sign-in error', async () => {
    const store = await configured();
    const email = await createTemporaryUser();
    expect((await store.resetPassword(email)).status).to.equal('resetPassword');
    const failure = await failureOf(store.confirmResetPassword('123456', 'N3w-Passw0rd!'));
    // No code was ever sent to it: the service answers ExpiredCodeException (an unknown email: CodeMismatch).
    expect(failure.code).to.be.oneOf(['codeMismatch', 'codeExpired']);
    expect(store.state.status).to.equal('resetPassword');
  });

  it('no journey starts over a signed-in session', async () => {
    const store = await configured();
    await store.signIn('demo@example.com', PASSWORD);
    expect((await failureOf(store.resetPassword('demo@example.com'))).code).to.equal('alreadySignedIn');
    expect((await failureOf(store.signUp(uniqueEmail('over'), PASSWORD))).code).to.equal('alreadySignedIn');
    expect(store.state.status).to.equal('signedIn');
  });

  it('a wrong code keeps the step; a new password the policy refuses says so', async () => {
    const store = await configured();
    const email = await createConfirmedUser();
    await store.resetPassword(email);
    const code = await latestCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await failureOf(store.confirmResetPassword(wrong, 'N3w-Passw0rd!'))).code).to.equal('codeMismatch');
    expect((await failureOf(store.confirmResetPassword(code, 'weak'))).code).to.equal('invalidPassword');
    expect(store.state.status).to.equal('resetPassword');
  });
});
