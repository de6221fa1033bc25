import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import {
  en,
  getAuthStore,
  resetAuthStore,
  setMessages,
  type CognitoErrorEvent,
  type CognitoNextStepEvent,
  type CognitoSignedInEvent,
} from '../../../src/index.js';
import {
  alertText,
  captureConsole,
  cleanSlate,
  loginFixture,
  poolAttributes,
  submitLogin,
} from '../../support/fixtures.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import {
  createConfirmedUser,
  createTemporaryUser,
  createUnconfirmedUser,
  latestCode,
  poolConfig,
  requestLog,
  setFaults,
} from '../../support/local-cognito.js';

const submitButton = (login: Element) => login.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const passwordInput = (login: Element) =>
  login.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const emailInput = (login: Element) => login.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;

/** Submits and waits for the answer to be shown. */
async function failWith(login: HTMLElement, email: string, password: string): Promise<CognitoErrorEvent> {
  const failed = oneEvent(login, 'cognito-error') as Promise<CognitoErrorEvent>;
  await submitLogin(login, email, password);
  const event = await failed;
  await waitUntil(() => !submitButton(login).disabled && alertText(login) !== '', 'no error shown', {
    timeout: 10_000,
  });
  return event;
}

describe('<cognito-login>', () => {
  beforeEach(cleanSlate);

  describe('idle', () => {
    it('renders a real form in the light DOM that a password manager can find', async () => {
      const login = await loginFixture();
      // What a password manager does: plain querySelector from the document, no shadow root in the way.
      const username = document.querySelector<HTMLInputElement>('form input[autocomplete="username"]');
      const password = document.querySelector<HTMLInputElement>('form input[autocomplete="current-password"]');
      expect(username?.type).to.equal('email');
      expect(password?.type).to.equal('password');
      expect(login.shadowRoot).to.equal(null);
      expect(username!.form).to.equal(password!.form);
      expect(username!.labels?.[0]?.textContent).to.equal('Email');
      expect(password!.labels?.[0]?.textContent).to.equal('Password');
      const alert = login.querySelector('[role="alert"]')!;
      expect(username!.getAttribute('aria-describedby')).to.equal(alert.id);
      expect(submitButton(login).type).to.equal('submit');
      await expect(login).to.be.accessible();
    });

    it('has an accessible show/hide-password toggle whose label says what it will do, readable in both states', async () => {
      const login = await loginFixture();
      const toggle = login.querySelector<HTMLButtonElement>('[part~="toggle-password"]')!;
      expect(toggle.textContent?.trim()).to.equal('Show password');
      expect(toggle.getAttribute('aria-controls')).to.equal(passwordInput(login).id);
      // A label that changes must not also carry a pressed state ("Hide password, pressed" says the opposite).
      expect(toggle.hasAttribute('aria-pressed')).to.equal(false);
      toggle.click();
      await waitUntil(() => toggle.textContent?.trim() === 'Hide password');
      expect(passwordInput(login).type).to.equal('text');
      await expect(login).to.be.accessible(); // color contrast of the revealed state included
      await emulateMedia({ colorScheme: 'dark' });
      document.documentElement.classList.add('dark-page');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.dark-page { color-scheme: light dark; background: #0d1117; } .dark-page body { background: #0d1117; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        expect(getComputedStyle(login).color).to.equal('rgb(230, 237, 243)');
        await expect(login).to.be.accessible();
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        document.documentElement.classList.remove('dark-page');
        await emulateMedia({ colorScheme: 'light' });
      }
      toggle.click();
      await waitUntil(() => toggle.textContent?.trim() === 'Show password');
      expect(passwordInput(login).type).to.equal('password');
    });

    it('a dark system on a page without dark support stays readable (light palette)', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const login = await loginFixture();
        expect(getComputedStyle(login).color).to.equal('rgb(31, 35, 40)');
        await failWith(login, 'demo@example.com', 'Wrong-Passw0rd!');
        await expect(login).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('a page that supports dark gets the dark palette, with enough contrast, idle and with an error', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      document.documentElement.classList.add('dark-page');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.dark-page { color-scheme: light dark; background: #0d1117; } .dark-page body { background: #0d1117; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const login = await loginFixture();
        expect(getComputedStyle(login).color).to.equal('rgb(230, 237, 243)');
        await expect(login).to.be.accessible();
        await failWith(login, 'demo@example.com', 'Wrong-Passw0rd!');
        await expect(login).to.be.accessible();
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        document.documentElement.classList.remove('dark-page');
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('speaks Japanese under lang="ja"', async () => {
      const login = await loginFixture({ lang: 'ja' });
      expect(emailInput(login).labels?.[0]?.textContent).to.equal('メールアドレス');
      expect(submitButton(login).textContent?.trim()).to.equal('ログイン');
    });

    it('takes strings overridden from JavaScript (setMessages)', async () => {
      const login = await loginFixture({ lang: 'en' });
      setMessages('en', { 'login.submit': 'Log in', 'login.email': 'E-mail address' });
      try {
        await waitUntil(() => submitButton(login).textContent?.trim() === 'Log in');
        expect(emailInput(login).labels?.[0]?.textContent).to.equal('E-mail address');
      } finally {
        setMessages('en', { 'login.submit': en['login.submit'], 'login.email': en['login.email'] });
      }
    });

    it('follows a change of the document language', async () => {
      const login = await loginFixture({ lang: 'en' });
      login.parentElement!.setAttribute('lang', 'ja');
      await waitUntil(() => submitButton(login).textContent?.trim() === 'ログイン');
      expect(emailInput(login).labels?.[0]?.textContent).to.equal('メールアドレス');
      expect(passwordInput(login).labels?.[0]?.textContent).to.equal('パスワード');
    });
  });

  describe('signing in', () => {
    it('signs in with Enter, fires cognito-signed-in on itself, then shows no form', async () => {
      const login = await loginFixture();
      const mark = (await requestLog()).length;
      emailInput(login).focus();
      await sendKeys({ type: 'demo@example.com' });
      passwordInput(login).focus();
      await sendKeys({ type: 'Passw0rd!' });
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await signedIn;
      expect(event.target).to.equal(login);
      expect(event.detail.reason).to.equal('sign-in');
      expect(event.detail.user.email).to.equal('demo@example.com');
      expect(event.detail.user.userId).to.match(/^[0-9a-f-]{36}$/);
      await waitUntil(() => login.getAttribute('state') === 'signedIn');
      expect(login.querySelector('form')).to.equal(null);
      expect((await requestLog(mark)).map((r) => r.target)).to.deep.equal(['InitiateAuth', 'RespondToAuthChallenge']);
    });

    it('forgets the typed email once signed in: after a sign-out the form is empty (shared computers)', async () => {
      const login = await loginFixture();
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await signedIn;
      await getAuthStore().signOut();
      await waitUntil(() => login.querySelector('form') !== null);
      expect(emailInput(login).value).to.equal('');
      expect(passwordInput(login).value).to.equal('');
      expect(alertText(login)).to.equal('');
    });

    it('uses one request with auth-flow="password"', async () => {
      const a = await poolAttributes();
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en">
          <cognito-login
            auth-flow="password"
            user-pool-id=${a.userPoolId}
            client-id=${a.clientId}
            endpoint=${a.endpoint}
          ></cognito-login>
        </div>`,
      );
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      const mark = (await requestLog()).length;
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await signedIn;
      expect((await requestLog(mark)).map((r) => r.target)).to.deep.equal(['InitiateAuth']);
    });

    it('is busy before the SRP math starts: the busy label is in a frame before the first request', async () => {
      const login = await loginFixture({ viaProxy: true });
      // Slow the service down so the busy state can be looked at; observe (not replace) fetch.
      await setFaults([{ target: 'InitiateAuth', kind: 'delay', delayMs: 800 }]);
      const order: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (...args: Parameters<typeof fetch>) => {
        order.push('request');
        return realFetch(...args);
      };
      try {
        const frame = () =>
          requestAnimationFrame(() => {
            if (submitButton(login)?.textContent?.trim() === 'Signing in…' && !order.includes('busy frame'))
              order.push('busy frame');
            if (!order.includes('request')) frame();
          });
        frame();
        const signedIn = oneEvent(login, 'cognito-signed-in');
        await submitLogin(login, 'demo@example.com', 'Passw0rd!');
        await waitUntil(() => submitButton(login).disabled);
        expect(login.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
        expect(submitButton(login).textContent?.trim()).to.equal('Signing in…');
        await expect(login).to.be.accessible();
        await signedIn;
      } finally {
        window.fetch = realFetch;
      }
      expect(order.slice(0, 2)).to.deep.equal(['busy frame', 'request']);
    });

    it('ignores a second submit while busy', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([{ target: 'InitiateAuth', kind: 'delay', delayMs: 600 }]);
      const mark = (await requestLog()).length;
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await waitUntil(() => submitButton(login).disabled);
      login.querySelector('form')!.requestSubmit();
      login.querySelector('form')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      await signedIn;
      expect((await requestLog(mark)).filter((r) => r.target === 'InitiateAuth')).to.have.length(1);
    });
  });

  describe('errors', () => {
    it('a wrong password: Cognito’s name in cognito-error, a clear message, email kept, password cleared and focused', async () => {
      const login = await loginFixture();
      const event = await failWith(login, 'demo@example.com', 'Wrong-Passw0rd!');
      expect(event.target).to.equal(login);
      expect(event.detail).to.deep.equal({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
        action: 'signIn',
      });
      expect(alertText(login)).to.equal('Incorrect email or password.');
      expect(emailInput(login).value).to.equal('demo@example.com');
      await waitUntil(() => passwordInput(login).value === '' && document.activeElement === passwordInput(login));
      expect(passwordInput(login).getAttribute('aria-invalid')).to.equal('true');
      expect(login.getAttribute('state')).to.equal('signedOut');
      await expect(login).to.be.accessible();
    });

    it('an unknown user gets the same words as a wrong password', async () => {
      const login = await loginFixture();
      await failWith(login, uniqueEmail('nobody'), 'Passw0rd!');
      expect(alertText(login)).to.equal('Incorrect email or password.');
    });

    it('"Password attempts exceeded" gets its own message', async () => {
      const email = await createConfirmedUser();
      const login = await loginFixture();
      for (let i = 0; i < 5; i++) await failWith(login, email, `Wrong-${i}-Passw0rd!`);
      const event = await failWith(login, email, 'Passw0rd!');
      expect(event.detail.message).to.equal('Password attempts exceeded');
      expect(alertText(login)).to.equal('Too many failed attempts. Wait a few minutes before you try again.');
    });

    it('an unconfirmed account continues inline: a new code, then signed in with the password just typed', async () => {
      const email = await createUnconfirmedUser();
      const login = await loginFixture();
      const next = oneEvent(login, 'cognito-next-step') as Promise<CognitoNextStepEvent>;
      await submitLogin(login, email, 'Passw0rd!');
      expect((await next).detail.step).to.equal('CONFIRM_SIGN_UP');
      await waitUntil(
        () => login.querySelector('cognito-confirm-sign-up input[autocomplete="one-time-code"]'),
        'no code field',
        { timeout: 10_000 },
      );
      const step = login.querySelector('cognito-confirm-sign-up')!;
      const code = step.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
      expect(code.inputMode).to.equal('numeric');
      expect(step.querySelector('[part~="intro"]')!.textContent).to.match(/We sent a code to \w\*+@/);
      expect(JSON.stringify(getAuthStore().state)).not.to.contain('Passw0rd!');
      expect(
        step.querySelector<HTMLButtonElement>('[part~="resend"]')!.disabled,
        'resend waits for its cooldown',
      ).to.equal(true);
      await expect(login).to.be.accessible();

      code.value = await latestCode(email);
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      step.querySelector('form')!.requestSubmit();
      const event = await signedIn;
      expect(event.detail.user.email).to.equal(email);
      expect(event.detail.reason).to.equal('sign-in');
    });

    it('a wrong code keeps the step with the code selected for retyping; Back returns to the sign-in form with the email', async () => {
      const email = await createUnconfirmedUser();
      const login = await loginFixture();
      await submitLogin(login, email, 'Passw0rd!');
      await waitUntil(
        () => login.querySelector('cognito-confirm-sign-up input[autocomplete="one-time-code"]'),
        'no code field',
        { timeout: 10_000 },
      );
      const step = login.querySelector('cognito-confirm-sign-up')!;
      const code = step.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;
      code.value = (await latestCode(email)) === '000000' ? '111111' : '000000';
      step.querySelector('form')!.requestSubmit();
      await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
      expect(alertText(step)).to.equal('That code is not right. Check it and try again.');
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      step.querySelector<HTMLButtonElement>('[part~="back"]')!.click();
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      await login.updateComplete;
      expect(emailInput(login).value).to.equal(email);
    });

    it('a reset-required account continues inline into the reset step (cognito-next-step RESET_PASSWORD, then the code step)', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([
        {
          target: 'RespondToAuthChallenge',
          kind: 'error',
          type: 'PasswordResetRequiredException',
          message: 'Password reset required for the user',
          times: 1,
        },
      ]);
      const steps: string[] = [];
      login.addEventListener('cognito-next-step', (event) => steps.push(event.detail.step));
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      await waitUntil(
        () => login.querySelector('cognito-reset-password input[autocomplete="one-time-code"]'),
        'no reset step',
        { timeout: 10_000 },
      );
      expect(steps).to.deep.equal(['RESET_PASSWORD', 'CONFIRM_RESET_PASSWORD_WITH_CODE']);
      const step = login.querySelector('cognito-reset-password')!;
      expect(step.querySelector('[part~="intro"]')!.textContent).to.contain('demo@example.com');
      expect(step.querySelectorAll('input[autocomplete="new-password"]')).to.have.length(2);
      await expect(login).to.be.accessible();
    });

    for (const type of ['TooManyRequestsException', 'LimitExceededException']) {
      it(`${type}: asks to wait, and the same form works again`, async () => {
        const login = await loginFixture({ viaProxy: true });
        // Every attempt, since Amplify retries throttling by itself before giving up.
        await setFaults([{ target: 'InitiateAuth', kind: 'error', type, message: 'Rate exceeded' }]);
        const event = await failWith(login, 'demo@example.com', 'Passw0rd!');
        expect(event.detail.name).to.equal(type);
        expect(alertText(login)).to.equal('Too many requests right now. Wait a moment, then try again.');
        await setFaults([]);
        const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
        await submitLogin(login, emailInput(login).value, 'Passw0rd!');
        expect((await signedIn).detail.user.email).to.equal('demo@example.com');
      });
    }

    it('a network failure: says the service cannot be reached, keeps the email, and a retry works', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([{ kind: 'network' }]);
      const event = await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(event.detail.name).to.equal('NetworkError');
      expect(alertText(login)).to.equal(
        'The sign-in service could not be reached. Check your connection and try again.',
      );
      expect(emailInput(login).value).to.equal('demo@example.com');
      expect(login.getAttribute('state')).to.equal('signedOut');
      await expect(login).to.be.accessible();
      await setFaults([]);
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      await submitLogin(login, emailInput(login).value, 'Passw0rd!');
      expect((await signedIn).detail.user.email).to.equal('demo@example.com');
    });

    it('keeps the typed password after a network failure or throttling (only a wrong password empties it)', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([{ kind: 'network' }]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(passwordInput(login).value).to.equal('Passw0rd!');
      await waitUntil(
        () => document.activeElement === passwordInput(login),
        'the password field is focused for the retry',
      );
      await setFaults([
        { target: 'InitiateAuth', kind: 'error', type: 'TooManyRequestsException', message: 'Rate exceeded' },
      ]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(passwordInput(login).value).to.equal('Passw0rd!');
      await setFaults([]);
      // Enter on the kept password is the retry.
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      login.querySelector('form')!.requestSubmit();
      expect((await signedIn).detail.user.email).to.equal('demo@example.com');
    });

    it('no answer at all: after the deadline a clear message, the typed input kept, and the form works again', async () => {
      const login = await loginFixture({ viaProxy: true, timeoutMs: 1500 });
      await setFaults([{ target: 'InitiateAuth', kind: 'hang' }]);
      const started = Date.now();
      const event = await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(event.detail.name).to.equal('TimeoutError');
      expect(Date.now() - started).to.be.below(10_000);
      expect(alertText(login)).to.equal(
        'The sign-in service did not answer in time. Check your connection and try again.',
      );
      expect(submitButton(login).textContent?.trim()).to.equal('Sign in');
      expect(emailInput(login).value).to.equal('demo@example.com');
      expect(passwordInput(login).value).to.equal('Passw0rd!');
      await expect(login).to.be.accessible();
      await setFaults([]);
      const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
      login.querySelector('form')!.requestSubmit();
      expect((await signedIn).detail.user.email).to.equal('demo@example.com');
    });

    it('no answer at all, in Japanese', async () => {
      const login = await loginFixture({ viaProxy: true, lang: 'ja', timeoutMs: 1000 });
      await setFaults([{ target: 'RespondToAuthChallenge', kind: 'hang' }]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(alertText(login)).to.equal(
        '認証サービスから時間内に応答がありませんでした。通信環境を確認して、もう一度お試しください。',
      );
    });

    it('an invalid auth-flow falls back to SRP with a console warning, and signs in', async () => {
      const a = await poolAttributes();
      const warnings = captureConsole('warn');
      try {
        const wrapper = await fixture<HTMLElement>(
          html`<div lang="en">
            <cognito-login
              user-pool-id=${a.userPoolId}
              client-id=${a.clientId}
              endpoint=${a.endpoint}
              auth-flow="passwrd"
            ></cognito-login>
          </div>`,
        );
        const login = wrapper.querySelector('cognito-login')!;
        await waitUntil(() => login.getAttribute('state') === 'signedOut');
        const mark = (await requestLog()).length;
        const signedIn = oneEvent(login, 'cognito-signed-in');
        await submitLogin(login, 'demo@example.com', 'Passw0rd!');
        await signedIn;
        // SRP answers a challenge; USER_PASSWORD_AUTH would not.
        expect((await requestLog(mark)).map((r) => r.target)).to.include('RespondToAuthChallenge');
        expect(warnings.lines.filter((w) => w.includes('auth-flow="passwrd"'))).to.have.length(1);
      } finally {
        warnings.restore();
      }
    });

    it('any other error: a generic message with the error name', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([
        { target: 'InitiateAuth', kind: 'error', status: 500, type: 'InternalErrorException', message: 'boom' },
      ]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(alertText(login)).to.equal('The sign-in service had a problem. Try again in a moment.');
      await setFaults([
        { target: 'InitiateAuth', kind: 'error', status: 400, type: 'SomethingNewException', message: 'new' },
      ]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(alertText(login)).to.equal('Something went wrong (SomethingNewException). Try again.');
    });

    it('server text is rendered as text, never as markup', async () => {
      const login = await loginFixture({ viaProxy: true });
      await setFaults([
        {
          target: 'InitiateAuth',
          kind: 'error',
          type: '<img src=x onerror=alert(1)>',
          message: '<b>bold</b>',
          times: 1,
        },
      ]);
      await failWith(login, 'demo@example.com', 'Passw0rd!');
      expect(login.querySelector('[role="alert"] img, [role="alert"] b')).to.equal(null);
      expect(alertText(login)).to.contain('<img src=x onerror=alert(1)>');
    });
  });

  describe('client-side checks (nothing is sent)', () => {
    const cases: [string, string, string, string][] = [
      ['an empty email', '', 'Passw0rd!', 'Enter your email address.'],
      ['a malformed email', 'demo@', 'Passw0rd!', 'Enter an email address like name@example.com.'],
      ['an empty password', 'demo@example.com', '', 'Enter your password.'],
    ];
    for (const [what, email, password, message] of cases) {
      it(`${what}: "${message}"`, async () => {
        const login = await loginFixture();
        const mark = (await requestLog()).length;
        await submitLogin(login, email, password);
        await waitUntil(() => alertText(login) !== '');
        expect(alertText(login)).to.equal(message);
        const field = password === '' && email ? passwordInput(login) : emailInput(login);
        await waitUntil(() => document.activeElement === field);
        expect(field.getAttribute('aria-invalid')).to.equal('true');
        expect(await requestLog(mark)).to.have.length(0);
      });
    }
  });

  describe('configuration', () => {
    it('without any configuration it says what is missing, in an alert', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><cognito-login></cognito-login></div>`);
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => alertText(login) !== '');
      expect(alertText(login)).to.equal(
        'Sign-in is not set up: give the element user-pool-id and client-id attributes, or call configure().',
      );
      await expect(login).to.be.accessible();
    });

    it('a malformed user pool id is named in the message', async () => {
      const failed = oneEvent(document, 'cognito-error') as Promise<CognitoErrorEvent>;
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="ja">
          <cognito-login user-pool-id="ap-northeast-1-XXXX" client-id="abc123"></cognito-login>
        </div>`,
      );
      const login = wrapper.querySelector('cognito-login')!;
      expect((await failed).detail.action).to.equal('configure');
      await waitUntil(() => alertText(login) !== '');
      expect(alertText(login)).to.contain('「ap-northeast-1-XXXX」はユーザープール ID ではありません');
    });

    it('a client id that the pool does not have: a configuration message at sign-in', async () => {
      const { userPoolId, userPoolEndpoint } = await poolConfig();
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en">
          <cognito-login
            user-pool-id=${userPoolId}
            client-id="doesnotexist123"
            endpoint=${userPoolEndpoint}
          ></cognito-login>
        </div>`,
      );
      const login = wrapper.querySelector('cognito-login')!;
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      await login.updateComplete;
      const failed = oneEvent(login, 'cognito-error') as Promise<CognitoErrorEvent>;
      await submitLogin(login, 'demo@example.com', 'Passw0rd!');
      expect((await failed).detail.name).to.equal('ConfigurationError');
      await waitUntil(() => alertText(login).startsWith('Sign-in is set up wrongly'));
      expect(alertText(login)).to.contain('this app client does not exist in the user pool');
    });
  });

  describe('the new-password step', () => {
    it('continues by itself with an embedded <cognito-new-password> when the page has none', async () => {
      const email = await createTemporaryUser();
      const login = await loginFixture();
      const next = oneEvent(login, 'cognito-next-step') as Promise<CognitoNextStepEvent>;
      await submitLogin(login, email, 'TempPassw0rd!');
      expect((await next).detail.step).to.equal('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
      await waitUntil(() => login.getAttribute('state') === 'newPasswordRequired');
      await waitUntil(() => document.querySelectorAll('input[autocomplete="new-password"]').length === 2);
      expect(login.querySelector('cognito-new-password[embedded]')).to.not.equal(null);
      expect(document.querySelectorAll('cognito-new-password form')).to.have.length(1);
      expect(
        document.querySelector<HTMLInputElement>('cognito-new-password input[autocomplete="username"]')!.value,
      ).to.equal(email);
      // The sign-in form the user was in is gone: focus goes to the new password, not to <body>.
      const newPassword = document.querySelector<HTMLInputElement>('cognito-new-password input[name="new-password"]');
      await waitUntil(() => document.activeElement === newPassword, 'focus fell to <body> at the new-password step');
    });

    it('leaves the step to the page’s own <cognito-new-password>: never two forms', async () => {
      const email = await createTemporaryUser();
      const login = await loginFixture({ extra: html`<cognito-new-password></cognito-new-password>` });
      await submitLogin(login, email, 'TempPassw0rd!');
      await waitUntil(() => login.getAttribute('state') === 'newPasswordRequired');
      await waitUntil(() => document.querySelectorAll('cognito-new-password form').length === 1);
      expect(login.querySelector('cognito-new-password')).to.equal(null);
      expect(login.querySelector('form')).to.equal(null);
      expect(document.querySelectorAll('input[autocomplete="new-password"]')).to.have.length(2);
    });
  });

  describe('remember me', () => {
    const tokenKeys = (storage: Storage) =>
      Object.keys(storage).filter((key) => /\.(idToken|accessToken|refreshToken)$/.test(key));

    it('unchecked: this sign-in lives in sessionStorage only, survives a reload of the tab, and a sign-out clears it', async () => {
      const email = await createConfirmedUser();
      const a = await poolAttributes();
      const markup = html`<cognito-login
        remember-me
        user-pool-id=${a.userPoolId}
        client-id=${a.clientId}
        endpoint=${a.endpoint}
      ></cognito-login>`;
      const login = await fixture<HTMLElement>(markup);
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      const box = login.querySelector<HTMLInputElement>('input[type="checkbox"][part~="remember-me"]')!;
      expect(box.checked).to.equal(false);
      expect(box.labels?.[0]?.textContent).to.equal('Remember me on this device');
      await expect(login).to.be.accessible();
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, email, 'Passw0rd!');
      await signedIn;
      expect(tokenKeys(sessionStorage)).to.have.length(3);
      expect(tokenKeys(localStorage)).to.have.length(0);

      // A reload of the tab: a fresh store, the same sessionStorage.
      resetAuthStore();
      const again = await fixture<HTMLElement>(markup);
      await waitUntil(() => again.getAttribute('state') === 'signedIn', 'the tab forgot its sign-in');
      expect(getAuthStore().state.user?.email).to.equal(email);
      await getAuthStore().signOut();
      expect(tokenKeys(sessionStorage)).to.have.length(0);
    });

    it("a failed attempt leaves no storage choice behind: the next sign-in without the box uses the page's storage", async () => {
      const email = await createConfirmedUser();
      const a = await poolAttributes();
      const login = await fixture<HTMLElement>(
        html`<cognito-login
          remember-me
          user-pool-id=${a.userPoolId}
          client-id=${a.clientId}
          endpoint=${a.endpoint}
        ></cognito-login>`,
      );
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      const failed = oneEvent(login, 'cognito-error');
      await submitLogin(login, email, 'Wrong-Passw0rd!');
      await failed;
      await getAuthStore().signIn(email, 'Passw0rd!');
      expect(tokenKeys(localStorage)).to.have.length(3);
      expect(tokenKeys(sessionStorage)).to.have.length(0);
    });

    it('checked: the sign-in lives in localStorage', async () => {
      const email = await createConfirmedUser();
      const a = await poolAttributes();
      const login = await fixture<HTMLElement>(
        html`<cognito-login
          remember-me
          user-pool-id=${a.userPoolId}
          client-id=${a.clientId}
          endpoint=${a.endpoint}
        ></cognito-login>`,
      );
      await waitUntil(() => login.getAttribute('state') === 'signedOut');
      login.querySelector<HTMLInputElement>('[part~="remember-me"]')!.checked = true;
      const signedIn = oneEvent(login, 'cognito-signed-in');
      await submitLogin(login, email, 'Passw0rd!');
      await signedIn;
      expect(tokenKeys(localStorage)).to.have.length(3);
      expect(tokenKeys(sessionStorage)).to.have.length(0);
    });
  });
});
