import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sessionStorage as amplifySessionStorage } from 'aws-amplify/utils';
import '../../../src/index.js';
import {
  authFetch,
  CognitoAuthError,
  configure,
  getAuthStore,
  resetAuthStore,
  type CognitoAuthChangeEvent,
  type CognitoErrorEvent,
  type CognitoSignedInEvent,
  type CognitoSignedOutEvent,
} from '../../../src/index.js';
import { alertText, captureConsole, cleanSlate, poolAttributes, submitLogin } from '../../support/fixtures.js';
import {
  callCognito,
  createConfirmedUser,
  createTemporaryUser,
  poolConfig,
  requestLog,
  setFaults,
  type Fault,
} from '../../support/local-cognito.js';

type Recorded = { type: string; target: string; detail: unknown };

/** Records every cognito-* event that reaches `document`, with the node it was dispatched on. */
function recordOnDocument() {
  const events: Recorded[] = [];
  const types = [
    'cognito-signed-in',
    'cognito-signed-out',
    'cognito-auth-change',
    'cognito-next-step',
    'cognito-error',
  ];
  const listener = (event: Event) =>
    events.push({
      type: event.type,
      target: event.target === document ? 'document' : (event.target as Element).localName,
      detail: (event as CustomEvent).detail,
    });
  for (const type of types) document.addEventListener(type, listener);
  const of = (type: string) => events.filter((e) => e.type === type);
  return {
    events,
    of,
    stop: () => types.forEach((type) => document.removeEventListener(type, listener)),
    /** The first recorded event of `type` that matches, once there is one. */
    async first(type: string, match: (e: Recorded) => boolean, timeout: number): Promise<Recorded> {
      await waitUntil(() => of(type).some(match), `no ${type}`, { timeout });
      return of(type).find(match)!;
    },
  };
}

/** A cognito-error of the refresh the store schedules by itself. */
const isRefreshError = (e: Recorded) => (e.detail as CognitoErrorEvent['detail']).action === 'refresh';

/** What the barrier below records. */
const BARRIER_EVENT: Recorded = {
  type: 'cognito-error',
  target: 'document',
  detail: { name: 'NotSignedIn', message: 'Not signed in', action: 'getTokens' },
};

/**
 * For "and no other event came", without waiting for time to pass: getTokens() while signed out fails with one
 * cognito-error on document (BARRIER_EVENT). The store dispatches the events of a change synchronously inside it,
 * so those of every step before this call are recorded before the barrier's.
 */
async function barrier(): Promise<void> {
  const outcome = await getAuthStore()
    .getTokens()
    .then(
      () => 'tokens',
      (error: unknown) => (error as Error).name,
    );
  expect(outcome, 'the barrier needs a signed-out store').to.equal('NotSignedIn');
}

async function page(options: { viaProxy?: boolean; clientId?: string } = {}) {
  const a = await poolAttributes(options);
  const clientId = options.clientId ?? a.clientId;
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="en">
      <cognito-session user-pool-id=${a.userPoolId} client-id=${clientId} endpoint=${a.endpoint}></cognito-session>
      <cognito-login user-pool-id=${a.userPoolId} client-id=${clientId} endpoint=${a.endpoint}></cognito-login>
      <cognito-session></cognito-session>
    </div>`,
  );
  const login = wrapper.querySelector('cognito-login')!;
  const session = wrapper.querySelector('cognito-session')!;
  await waitUntil(() => login.getAttribute('state') !== 'loading');
  await login.updateComplete;
  return { wrapper, login, session };
}

/** An app client of the demo pool whose tokens last a few seconds, to see refresh and expiry happen. */
async function shortLivedClient(seconds: number): Promise<string> {
  const { userPoolId } = await poolConfig();
  const { UserPoolClient } = await callCognito<{ UserPoolClient: { ClientId: string } }>('CreateUserPoolClient', {
    UserPoolId: userPoolId,
    ClientName: `short-${seconds}s`,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AccessTokenValidity: seconds,
    IdTokenValidity: seconds,
    TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'days' },
  });
  return UserPoolClient.ClientId;
}

describe('auth store', () => {
  let recorder: ReturnType<typeof recordOnDocument>;
  beforeEach(async () => {
    await cleanSlate();
    recorder = recordOnDocument();
  });
  afterEach(() => recorder.stop());

  describe('events: exactly once per fact on document, whatever the number of elements', () => {
    it('the first resolution on load: one cognito-auth-change, dispatched on document', async () => {
      await page();
      await waitUntil(() => recorder.of('cognito-auth-change').length > 0);
      await barrier();
      expect(recorder.events).to.deep.equal([
        { type: 'cognito-auth-change', target: 'document', detail: { status: 'signedOut', user: null } },
        BARRIER_EVENT,
      ]);
    });

    it('sign-in with the login and sign-out with the session: one event per fact, on the element that caused it', async () => {
      const { login, session } = await page();
      const signedIn = oneEvent(document, 'cognito-signed-in');
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await signedIn;
      await waitUntil(() => session.shadowRoot?.querySelector('[part~="sign-out-button"]') !== null);
      session.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-out-button"]')!.click();
      await waitUntil(() => recorder.of('cognito-signed-out').length > 0);
      await barrier();
      const facts = recorder.events.map((e) => `${e.type}@${e.target}`);
      expect(facts).to.deep.equal([
        'cognito-auth-change@document', // the first resolution: signed out
        'cognito-signed-in@cognito-login',
        'cognito-auth-change@cognito-login',
        'cognito-signed-out@cognito-session',
        'cognito-auth-change@cognito-session',
        'cognito-error@document', // the barrier
      ]);
      const user = (recorder.of('cognito-signed-in')[0]!.detail as CognitoSignedInEvent['detail']).user;
      expect(user.email).to.equal('demo@example.com');
      expect(recorder.of('cognito-auth-change')[1]!.detail).to.deep.equal({ status: 'signedIn', user });
      expect(recorder.of('cognito-signed-out')[0]!.detail).to.deep.equal({ reason: 'user' });
    });

    it('a failed sign-in: exactly one cognito-error, on the login, and no change of status', async () => {
      const { login } = await page();
      const failed = oneEvent(document, 'cognito-error');
      await submitLogin(login, 'demo@example.com', 'Wrong-Passw0rd!');
      await failed;
      // The login shows the failure once the store's sign-in has rejected, and the store dispatches every event of
      // an action before its promise settles.
      await waitUntil(
        () => alertText(login) !== '' && !login.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled,
        'the login never showed the failure',
      );
      expect(recorder.events.slice(1)).to.deep.equal([
        {
          type: 'cognito-error',
          target: 'cognito-login',
          detail: { name: 'NotAuthorizedException', message: 'Incorrect username or password.', action: 'signIn' },
        },
      ]);
      expect(getAuthStore().state.status).to.equal('signedOut');
    });

    it('a JavaScript call (no element) dispatches on document', async () => {
      await page();
      const signedIn = oneEvent(document, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      expect((await signedIn).target).to.equal(document);
    });

    it('the new-password challenge: next-step and auth-change, then signed-in with reason new-password', async () => {
      const email = await createTemporaryUser();
      await page();
      await getAuthStore().signIn(email, 'TempPassw0rd!');
      await getAuthStore().completeNewPassword('N3w-Passw0rd!');
      expect(recorder.events.slice(1).map((e) => `${e.type}@${e.target}`)).to.deep.equal([
        'cognito-next-step@document',
        'cognito-auth-change@document',
        'cognito-signed-in@document',
        'cognito-auth-change@document',
      ]);
      expect(recorder.of('cognito-next-step')[0]!.detail).to.deep.equal({
        step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
      });
      expect(recorder.of('cognito-auth-change')[1]!.detail).to.deep.equal({
        status: 'newPasswordRequired',
        user: null,
      });
      expect((recorder.of('cognito-signed-in')[0]!.detail as CognitoSignedInEvent['detail']).reason).to.equal(
        'new-password',
      );
    });
  });

  describe('restore', () => {
    it('a reload with a valid session: signed in from storage with 0 requests', async () => {
      await page();
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      // "Reload": forget everything in memory; the tokens stay in localStorage.
      resetAuthStore();
      const mark = (await requestLog()).length;
      const restored = oneEvent(document, 'cognito-auth-change') as Promise<CognitoAuthChangeEvent>;
      const { session } = await page();
      const event = await restored;
      expect(event.detail.status).to.equal('signedIn');
      expect(event.detail.user?.email).to.equal('demo@example.com');
      expect(event.target).to.equal(document);
      await waitUntil(() => session.getAttribute('state') === 'signedIn');
      expect(recorder.of('cognito-signed-in')).to.have.length(1); // the sign-in before the reload, not the restore
      expect(await requestLog(mark)).to.deep.equal([]);
    });

    it('sessionStorage with token-storage="session": the session is gone with the tab', async () => {
      const a = await poolAttributes();
      const wrapper = await fixture<HTMLElement>(
        html`<div>
          <cognito-session
            token-storage="session"
            user-pool-id=${a.userPoolId}
            client-id=${a.clientId}
            endpoint=${a.endpoint}
          ></cognito-session>
        </div>`,
      );
      await waitUntil(() => wrapper.firstElementChild!.getAttribute('state') === 'signedOut');
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const keys = (s: Storage) => Object.keys(s).filter((k) => k.startsWith('CognitoIdentityServiceProvider.'));
      expect(keys(sessionStorage).some((k) => k.endsWith('.idToken'))).to.equal(true);
      expect(keys(localStorage)).to.deep.equal([]);
    });
  });

  describe('other tabs', () => {
    it('a sign-in and a sign-out in another tab reach this one, without reload', async () => {
      const { session } = await page();
      const { userPoolId, userPoolClientId, userPoolEndpoint } = await poolConfig();
      const frame = document.createElement('iframe');
      frame.src = `/test/support/other-tab.html?pool=${userPoolId}&client=${userPoolClientId}&endpoint=${encodeURIComponent(userPoolEndpoint)}`;
      document.body.append(frame);
      try {
        const other = await waitUntil(
          () => (frame.contentWindow as (Window & typeof globalThis) | null)?.otherTab,
          'other tab not ready',
          { timeout: 10_000 },
        ).then(() => (frame.contentWindow as Window & typeof globalThis).otherTab);
        const signedIn = oneEvent(document, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
        await other.signIn('demo@example.com', 'Passw0rd!');
        const inEvent = await signedIn;
        expect(inEvent.detail.reason).to.equal('other-tab');
        expect(inEvent.detail.user.email).to.equal('demo@example.com');
        expect(inEvent.target).to.equal(document);
        await waitUntil(() => session.getAttribute('state') === 'signedIn');

        const signedOut = oneEvent(document, 'cognito-signed-out') as Promise<CognitoSignedOutEvent>;
        await other.signOut();
        expect((await signedOut).detail.reason).to.equal('other-tab');
        await waitUntil(() => session.getAttribute('state') === 'signedOut');
      } finally {
        frame.remove();
      }
    });
  });

  describe('refresh and expiry', () => {
    it('refreshes before the tokens expire and stays signed in', async () => {
      const clientId = await shortLivedClient(4);
      await page({ clientId });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const first = await getAuthStore().getTokens();
      const mark = (await requestLog()).length;
      await waitUntil(
        async () => (await requestLog(mark)).some((r) => r.target === 'GetTokensFromRefreshToken'),
        'no refresh',
        { timeout: 8000, interval: 200 },
      );
      const second = await getAuthStore().getTokens();
      expect(second.idToken).to.not.equal(first.idToken);
      expect(getAuthStore().state.status).to.equal('signedIn');
      expect(recorder.of('cognito-signed-out')).to.have.length(0);
    });

    it('a session that can no longer be refreshed (revoked) ends with cognito-signed-out reason expired', async () => {
      const clientId = await shortLivedClient(3);
      const { session } = await page({ clientId });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const { accessToken } = await getAuthStore().getTokens();
      // Listening first: with tokens this short-lived, Amplify refreshes on every read, so the end can come at once.
      const signedOut = oneEvent(document, 'cognito-signed-out') as Promise<CognitoSignedOutEvent>;
      await callCognito('GlobalSignOut', { AccessToken: accessToken }); // elsewhere, e.g. an admin or another device
      const event = await signedOut;
      expect(event.detail.reason).to.equal('expired');
      expect(event.target).to.equal(document);
      await waitUntil(() => session.getAttribute('state') === 'signedOut');
      expect(recorder.of('cognito-signed-out')).to.have.length(1);
    });

    it('a refresh that fails for lack of network keeps the session (amplify-js#7864) and says so', async () => {
      const clientId = await shortLivedClient(3);
      await page({ clientId, viaProxy: true });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      await setFaults([{ target: 'GetTokensFromRefreshToken', kind: 'network' }]);
      const failed = await recorder.first('cognito-error', isRefreshError, 8000);
      expect((failed.detail as CognitoErrorEvent['detail']).name).to.equal('NetworkError');
      expect(getAuthStore().state.status).to.equal('signedIn');
      // The network comes back and the kept tokens refresh: a step after whatever the failure led to.
      await setFaults([]);
      await getAuthStore().getTokens({ forceRefresh: true });
      expect(getAuthStore().state.status).to.equal('signedIn');
      expect(recorder.of('cognito-signed-out')).to.have.length(0);
    });
  });

  describe('a refresh that fails for a transient reason keeps the session; only a definite end signs out', () => {
    /** This client's tokens in storage (an earlier test's refresh still in flight may write its own client's). */
    const tokenKeys = (clientId: string) =>
      Object.keys(localStorage).filter(
        (key) =>
          key.startsWith(`CognitoIdentityServiceProvider.${clientId}.`) &&
          /\.(accessToken|idToken|refreshToken)$/.test(key),
      );
    const transient: [string, Fault][] = [
      [
        '500 InternalErrorException',
        {
          target: 'GetTokensFromRefreshToken',
          kind: 'error',
          status: 500,
          type: 'InternalErrorException',
          message: 'boom',
        },
      ],
      ['502 with an HTML body', { target: 'GetTokensFromRefreshToken', kind: 'raw', status: 502 }],
      [
        '400 with a garbage body',
        {
          target: 'GetTokensFromRefreshToken',
          kind: 'raw',
          status: 400,
          body: '}{ not json',
          contentType: 'application/x-amz-json-1.1',
        },
      ],
      [
        '200 that is not JSON',
        { target: 'GetTokensFromRefreshToken', kind: 'raw', status: 200, body: '<html>captive portal</html>' },
      ],
      [
        'TooManyRequestsException',
        {
          target: 'GetTokensFromRefreshToken',
          kind: 'error',
          type: 'TooManyRequestsException',
          message: 'Rate exceeded',
        },
      ],
      ['no answer at all', { target: 'GetTokensFromRefreshToken', kind: 'hang' }],
    ];
    for (const [what, fault] of transient) {
      it(`${what}: stays signed in with its tokens, says so, and refreshes once the service is back`, async () => {
        const clientId = await shortLivedClient(3);
        const a = await poolAttributes({ viaProxy: true });
        // A deadline short enough for the hang, long enough for the SRP sign-in itself on a busy machine.
        configure({
          userPoolId: a.userPoolId,
          userPoolClientId: clientId,
          userPoolEndpoint: a.endpoint,
          timeoutMs: 3000,
        });
        await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
        await setFaults([fault]);
        await recorder.first('cognito-error', isRefreshError, 10_000);
        expect(getAuthStore().state.status).to.equal('signedIn');
        expect(recorder.of('cognito-signed-out')).to.have.length(0);
        expect(tokenKeys(clientId)).to.have.length(3);
        const mark = (await requestLog()).length;
        await setFaults([]);
        // The retry refreshes, and the session goes on. Its backoff is about 5 s, or 10 s (± 20 %) when the request
        // abandoned at the deadline fails late too, as a hung one does once released. The retry is scheduled by the
        // handling of the failure, so whatever that handling did is done by now: still no sign-out, tokens kept.
        await waitUntil(
          async () =>
            (await requestLog(mark)).some((r) => r.target === 'GetTokensFromRefreshToken' && r.status === 200),
          'no retry',
          { timeout: 16_000, interval: 250 },
        );
        expect(getAuthStore().state.status).to.equal('signedIn');
        expect(recorder.of('cognito-signed-out')).to.have.length(0);
        expect(tokenKeys(clientId)).to.have.length(3);
      }).timeout(30_000);
    }

    it('a revoked refresh token (NotAuthorizedException): signed out with reason expired, and no token left behind', async () => {
      const clientId = await shortLivedClient(3);
      await page({ clientId });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      expect(tokenKeys(clientId)).to.have.length(3);
      const { accessToken } = await getAuthStore().getTokens();
      const ended = oneEvent(document, 'cognito-signed-out') as Promise<CognitoSignedOutEvent>;
      await callCognito('GlobalSignOut', { AccessToken: accessToken });
      const signedOut = await ended;
      expect(signedOut.detail.reason).to.equal('expired');
      expect(tokenKeys(clientId)).to.deep.equal([]);
      // A reload does not sign the user back in.
      resetAuthStore();
      const { login } = await page({ clientId });
      expect(login.getAttribute('state')).to.equal('signedOut');
    });

    it('a reload with expired tokens while the service fails keeps the session instead of showing signed out', async () => {
      const clientId = await shortLivedClient(2);
      const a = await poolAttributes({ viaProxy: true });
      configure({ userPoolId: a.userPoolId, userPoolClientId: clientId, userPoolEndpoint: a.endpoint });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      resetAuthStore(); // a reload, with the tokens in storage
      await new Promise((r) => setTimeout(r, 2500)); // real time for the 2 s tokens to expire
      await setFaults([
        {
          target: 'GetTokensFromRefreshToken',
          kind: 'error',
          status: 500,
          type: 'InternalErrorException',
          message: 'boom',
        },
      ]);
      const { login } = await page({ clientId, viaProxy: true });
      expect(login.getAttribute('state')).to.equal('signedIn');
      expect(getAuthStore().state.user?.email).to.equal('demo@example.com');
      expect(tokenKeys(clientId)).to.have.length(3);
    });
  });

  describe('authFetch', () => {
    it('sends the ID token as Authorization: Bearer; the protected API answers 200', async () => {
      await page();
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const response = await authFetch('/api/hello');
      expect(response.status).to.equal(200);
      const body = (await response.json()) as { message: string; email: string };
      expect(body.message).to.equal('Hello, demo@example.com');
    });

    it('the protected API answers 401 to a forged token, to an access token and to no token', async () => {
      await page();
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const { idToken } = await getAuthStore().getTokens();
      const [header, payload] = idToken.split('.') as [string, string];
      // Same claims, but signed by someone else: the signature does not verify against the pool's JWKS.
      const forgedPayload = btoa(
        JSON.stringify({
          ...JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))),
          email: 'admin@example.com',
        }),
      )
        .replace(/=+$/, '')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      const forged = `${header}.${forgedPayload}.${idToken.split('.')[2]}`;
      expect((await fetch('/api/hello', { headers: { Authorization: `Bearer ${forged}` } })).status).to.equal(401);
      expect((await authFetch('/api/hello', {}, { token: 'access' })).status).to.equal(401);
      expect((await fetch('/api/hello')).status).to.equal(401);
    });

    it('keeps the caller’s headers and refreshes an expired token first', async () => {
      const clientId = await shortLivedClient(2);
      await page({ clientId });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      getAuthStore().dispose(); // no scheduled refresh: the token really expires before the call
      await new Promise((r) => setTimeout(r, 2500)); // real time for the 2 s tokens to expire
      const mark = (await requestLog()).length;
      const response = await authFetch('/__test/echo-headers', { headers: { 'X-Request': 'kept' } });
      const headers = (await response.json()) as Record<string, string>;
      expect(headers['x-request']).to.equal('kept');
      const sent = JSON.parse(atob(headers['authorization']!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
        exp: number;
        token_use: string;
      };
      expect(sent.token_use).to.equal('id');
      expect(sent.exp * 1000).to.be.greaterThan(Date.now());
      expect((await requestLog(mark)).map((r) => r.target)).to.deep.equal(['GetTokensFromRefreshToken']);
    });

    it('rejects clearly when signed out', async () => {
      await page();
      let error: unknown;
      try {
        await authFetch('/api/hello');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(CognitoAuthError);
      expect((error as CognitoAuthError).name).to.equal('NotSignedIn');
      expect((error as CognitoAuthError).code).to.equal('notSignedIn');
      // One failure, one event.
      expect(recorder.of('cognito-error').map((e) => (e.detail as CognitoErrorEvent['detail']).action)).to.deep.equal([
        'authFetch',
      ]);
    });

    it('an API that never answers: rejects with TimeoutError after the deadline, unless the caller gives its own signal', async () => {
      const a = await poolAttributes();
      configure({
        userPoolId: a.userPoolId,
        userPoolClientId: a.clientId,
        userPoolEndpoint: a.endpoint,
        timeoutMs: 1000,
      });
      await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
      const started = Date.now();
      const error = await authFetch('/__test/never-answers').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(CognitoAuthError);
      expect((error as CognitoAuthError).name).to.equal('TimeoutError');
      expect(Date.now() - started).to.be.below(5000);
      expect(recorder.of('cognito-error').map((e) => (e.detail as CognitoErrorEvent['detail']).action)).to.deep.equal([
        'authFetch',
      ]);
      // The caller's own signal decides instead (here: aborted by the caller, not by the store's deadline).
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 1500); // later than the store's 1 s deadline would have ended it
      const own = await authFetch('/__test/never-answers', { signal: controller.signal }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // AbortError, not TimeoutError: the store's 1 s deadline did not apply.
      expect((own as Error).name).to.equal('AbortError');
    });
  });

  describe('configuration', () => {
    it('the first configuration wins; a different second one warns once and raises cognito-error', async () => {
      const a = await poolAttributes();
      const warnings = captureConsole('warn');
      try {
        expect(
          configure({ userPoolId: a.userPoolId, userPoolClientId: a.clientId, userPoolEndpoint: a.endpoint }),
        ).to.equal(true);
        expect(
          configure({
            userPoolId: 'ap-northeast-1_Other123',
            userPoolClientId: 'other1',
            userPoolEndpoint: a.endpoint,
          }),
        ).to.equal(false);
        expect(
          configure({
            userPoolId: 'ap-northeast-1_Other123',
            userPoolClientId: 'other1',
            userPoolEndpoint: a.endpoint,
          }),
        ).to.equal(false);
      } finally {
        warnings.restore();
      }
      expect(warnings.lines.filter((w) => w.includes('second, different Cognito configuration'))).to.have.length(1);
      const conflicts = recorder
        .of('cognito-error')
        .filter((e) => (e.detail as CognitoErrorEvent['detail']).name === 'ConfigurationConflict');
      expect(conflicts).to.have.length(2);
      expect(getAuthStore().configuration?.userPoolId).to.equal(a.userPoolId);
    });

    it('a malformed second configuration is reported but does not break the working first one', async () => {
      const { login } = await page();
      const failed = oneEvent(document, 'cognito-error') as Promise<CognitoErrorEvent>;
      expect(configure({ userPoolId: 'not-a-pool', userPoolClientId: 'x' })).to.equal(false);
      expect((await failed).detail.name).to.equal('ConfigurationError');
      expect(getAuthStore().state.configProblem).to.equal(null);
      await login.updateComplete;
      expect(login.querySelector('form')).to.not.equal(null);
    });

    it('an app’s own earlier Amplify.configure() is detected and used, not overwritten', async () => {
      const { userPoolId, userPoolClientId, userPoolEndpoint } = await poolConfig();
      Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint } } });
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><cognito-login></cognito-login></div>`);
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      expect(getAuthStore().configuration?.userPoolClientId).to.equal(userPoolClientId);
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      expect((await signedIn).detail.user.email).to.equal('demo@example.com');
      expect(getAuthStore().state.status).to.equal('signedIn');
    });

    it('a configuration error found while the bundle loads reaches a listener in a script after it, and is on the state', async () => {
      // A real page load, as the README's plain-HTML pattern: the bundle's script first, the page's script after it.
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><html lang="en"><body>
        <cognito-session user-pool-id="ap-northeast-1-XXXX" client-id="abc123"><cognito-login slot="signed-out"></cognito-login></cognito-session>
        <script type="module" src="/test/support/page-bundle.ts"></script>
        <script type="module" src="/test/support/page-listener.ts"></script>
      </body></html>`;
      document.body.append(frame);
      try {
        const win = () =>
          frame.contentWindow as
            (Window & { heard?: { name: string; status?: string }[]; problem?: string | null }) | null;
        await waitUntil(() => (win()?.heard?.length ?? 0) > 0, 'the page never heard the configuration error', {
          timeout: 10_000,
        });
        expect(win()!.heard!.map((e) => e.name)).to.include('ConfigurationError');
        expect(
          win()!.heard!.some((e) => e.status === 'signedOut'),
          'cognito-auth-change: leaves loading',
        ).to.equal(true);
        expect(win()!.problem).to.equal('invalidPoolId');
      } finally {
        frame.remove();
      }
    });

    it('the first resolution on load reaches a listener in a script after the bundle', async () => {
      const a = await poolAttributes();
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><html lang="en"><body>
        <cognito-session user-pool-id="${a.userPoolId}" client-id="${a.clientId}" endpoint="${a.endpoint}"><cognito-login slot="signed-out"></cognito-login></cognito-session>
        <script type="module" src="/test/support/page-bundle.ts"></script>
        <script type="module" src="/test/support/page-listener.ts"></script>
      </body></html>`;
      document.body.append(frame);
      try {
        const win = () => frame.contentWindow as (Window & { heard?: { name: string; status?: string }[] }) | null;
        await waitUntil(() => (win()?.heard?.length ?? 0) > 0, 'the page never heard the first cognito-auth-change', {
          timeout: 10_000,
        });
        expect(win()!.heard).to.deep.equal([{ name: 'auth-change', status: 'signedOut' }]);
      } finally {
        frame.remove();
      }
    });

    it('an app’s own Amplify with sessionStorage keeps it: the elements do not move its tokens to localStorage', async () => {
      const { userPoolId, userPoolClientId, userPoolEndpoint } = await poolConfig();
      Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint } } });
      cognitoUserPoolsTokenProvider.setKeyValueStorage(amplifySessionStorage);
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><cognito-login></cognito-login></div>`);
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await signedIn;
      const tokenKeys = (storage: Storage) =>
        Object.keys(storage).filter((key) => /\.(accessToken|idToken|refreshToken)$/.test(key));
      expect(tokenKeys(sessionStorage)).to.have.length(3);
      expect(tokenKeys(localStorage)).to.deep.equal([]);
    });

    it('an element configured before configure() is called later in the page still works', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><cognito-login></cognito-login></div>`);
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => login.querySelector('[role="alert"]')?.textContent?.includes('not set up') === true);
      const a = await poolAttributes();
      configure({ userPoolId: a.userPoolId, userPoolClientId: a.clientId, userPoolEndpoint: a.endpoint });
      await waitUntil(() => login.querySelector('form') !== null);
      const email = await createConfirmedUser();
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      await submitLogin(login, email, 'Passw0rd!');
      const event = await signedIn;
      expect(event.detail.reason).to.equal('sign-in');
      expect(event.detail.user.email).to.equal(email);
      expect(getAuthStore().configuration?.userPoolClientId).to.equal(a.clientId);
    });
  });
});
