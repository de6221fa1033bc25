import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import { getAuthStore, type CognitoAuthenticator, type CognitoSignedInEvent } from '../../../src/index.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import { alertText, cleanSlate, elementFixture, poolAttributes, typeInto } from '../../support/fixtures.js';
import { latestCode, setFaults } from '../../support/local-cognito.js';

const input = (root: ParentNode, selector: string) => root.querySelector<HTMLInputElement>(selector)!;
const screenTag = (auth: Element) => auth.querySelector('[slot="screen"]')!.firstElementChild?.localName;
const announced = (auth: CognitoAuthenticator) =>
  auth.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function clickLink(auth: CognitoAuthenticator, part: string, expected: string): Promise<void> {
  auth.querySelector<HTMLAnchorElement>(`[part~="${part}"]`)!.click();
  await waitUntil(() => screenTag(auth) === expected && auth.querySelector(`${expected} form`), `no ${expected}`);
}

/** Fills the code step of `root` with the newest code for `email`, submits it and waits for the sign-in. */
async function enterCode(root: Element, email: string): Promise<CognitoSignedInEvent> {
  await waitUntil(() => root.querySelector('input[autocomplete="one-time-code"]'), 'no code step', { timeout: 10_000 });
  typeInto(input(root, 'input[autocomplete="one-time-code"]'), await latestCode(email));
  const signedIn = oneEvent(root, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
  input(root, 'input[autocomplete="one-time-code"]').form!.requestSubmit();
  return signedIn;
}

function setNewPassword(root: ParentNode, password: string): void {
  for (const field of root.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]'))
    typeInto(field, password);
}

describe('<cognito-authenticator>', () => {
  beforeEach(cleanSlate);
  afterEach(cleanSlate);

  it('signed out: the sign-in screen in the light DOM (a password manager finds its inputs), with both links', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator');
    await waitUntil(() => auth.querySelector('cognito-login form'), 'no sign-in screen');
    expect(document.querySelector('cognito-authenticator input[autocomplete="current-password"]')).to.be.instanceOf(
      HTMLInputElement,
    );
    expect(auth.querySelector('[part~="sign-up-link"]')).to.be.instanceOf(HTMLAnchorElement);
    expect(auth.querySelector('[part~="forgot-password-link"]')).to.be.instanceOf(HTMLAnchorElement);
    await expect(auth).to.be.accessible();
  });

  it('the links switch screens without a page load; focus moves to the first field and the screen is announced', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator', { lang: 'ja' });
    await waitUntil(() => auth.querySelector('cognito-login form'));
    const before = location.href;
    await clickLink(auth, 'sign-up-link', 'cognito-sign-up');
    await waitUntil(
      () => document.activeElement === input(auth, 'cognito-sign-up input[autocomplete="username"]'),
      'focus not on the email field',
    );
    expect(announced(auth)).to.equal('アカウントを作成');
    await clickLink(auth, 'sign-in-link', 'cognito-login');
    await clickLink(auth, 'forgot-password-link', 'cognito-forgot-password');
    expect(announced(auth)).to.equal('パスワードをお忘れですか？');
    await expect(auth).to.be.accessible();
    expect(location.href).to.equal(before);
  });

  it('initial-screen and hide-sign-up', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator', {
      attributes: { 'initial-screen': 'sign-up' },
    });
    await waitUntil(() => screenTag(auth) === 'cognito-sign-up', 'not on the sign-up screen');
    const hidden = await elementFixture<CognitoAuthenticator>('cognito-authenticator', {
      attributes: { 'hide-sign-up': '' },
    });
    await waitUntil(() => hidden.querySelector('cognito-login form'));
    expect(hidden.querySelector('[part~="sign-up-link"]')).to.equal(null);
  });

  it('the whole journey: create account → code → signed in → sign out → forgot password → code + new password → signed in', async () => {
    const a = await poolAttributes();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en">
        <cognito-authenticator user-pool-id=${a.userPoolId} client-id=${a.clientId} endpoint=${a.endpoint}>
          <p id="secret">Only for signed-in users</p>
        </cognito-authenticator>
      </div>`,
    );
    const auth = wrapper.querySelector('cognito-authenticator')!;
    await waitUntil(() => auth.querySelector('cognito-login form'));
    const secret = wrapper.querySelector<HTMLElement>('#secret')!;
    expect(secret.checkVisibility(), 'signed-in content hidden while signed out').to.equal(false);

    await clickLink(auth, 'sign-up-link', 'cognito-sign-up');
    const email = uniqueEmail('journey');
    typeInto(input(auth, 'input[autocomplete="username"]'), email);
    setNewPassword(auth, 'Passw0rd!');
    auth.querySelector<HTMLButtonElement>('cognito-sign-up button[type="submit"]')!.click();
    expect((await enterCode(auth, email)).detail.reason).to.equal('sign-up');
    await waitUntil(() => secret.checkVisibility(), 'signed-in content not shown', { timeout: 10_000 });

    const signedOut = oneEvent(document, 'cognito-signed-out');
    await getAuthStore().signOut();
    await signedOut;
    await waitUntil(() => auth.querySelector('cognito-login form'), 'not back at sign-in', { timeout: 10_000 });
    await clickLink(auth, 'forgot-password-link', 'cognito-forgot-password');
    typeInto(input(auth, 'input[autocomplete="username"]'), email);
    auth.querySelector<HTMLButtonElement>('cognito-forgot-password button[type="submit"]')!.click();
    await waitUntil(
      () => auth.querySelector('cognito-reset-password input[autocomplete="one-time-code"]'),
      'no reset step',
      { timeout: 10_000 },
    );
    setNewPassword(auth, 'N3w-Passw0rd!');
    expect((await enterCode(auth, email)).detail.reason).to.equal('password-reset');
  });

  it('signed-in content a framework adds after the sign-in is shown (not the default view)', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator');
    await waitUntil(() => auth.querySelector('cognito-login form'));
    await getAuthStore().signIn('demo@example.com', 'Passw0rd!');
    await waitUntil(() => auth.shadowRoot!.querySelector('cognito-session'), 'no default view');
    const dashboard = Object.assign(document.createElement('p'), { textContent: 'Dashboard' });
    auth.append(dashboard);
    await waitUntil(() => !auth.shadowRoot!.querySelector('cognito-session'), 'the default view stayed');
    expect(dashboard.checkVisibility()).to.equal(true);
  });

  it('a page that empties the element gets the screens back', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator');
    await waitUntil(() => auth.querySelector('cognito-login form'));
    auth.replaceChildren();
    await waitUntil(() => auth.querySelector('cognito-login form'), 'the screens did not come back', { timeout: 3000 });
    expect(auth.querySelectorAll('[slot="screen"]')).to.have.length(1);
  });

  it('signed in with no content of its own: who is signed in, and a sign-out button', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator');
    await waitUntil(() => auth.querySelector('cognito-login form'));
    await clickLink(auth, 'sign-up-link', 'cognito-sign-up');
    const email = uniqueEmail('nocontent');
    typeInto(input(auth, 'input[autocomplete="username"]'), email);
    setNewPassword(auth, 'Passw0rd!');
    auth.querySelector<HTMLButtonElement>('cognito-sign-up button[type="submit"]')!.click();
    await enterCode(auth, email);
    await waitUntil(
      () => auth.shadowRoot!.querySelector('cognito-session')?.shadowRoot?.querySelector('[part~="sign-out-button"]'),
      'no sign-out button',
      { timeout: 10_000 },
    );
    const session = auth.shadowRoot!.querySelector('cognito-session')!;
    expect(session.shadowRoot!.querySelector('[part~="user"]')!.textContent).to.contain(email);
  });

  it('keyboard only: Tab reaches the links, Enter on one switches screens, and the new screen is filled and submitted by keys', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator');
    await waitUntil(() => auth.querySelector('cognito-login form'));
    input(auth, 'input[autocomplete="username"]').focus();
    const link = auth.querySelector<HTMLAnchorElement>('[part~="forgot-password-link"]')!;
    for (let i = 0; i < 8 && document.activeElement !== link; i++) await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'Tab reaches "Forgot your password?"').to.equal(link);
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => document.activeElement === input(auth, 'cognito-forgot-password input[autocomplete="username"]'),
      'focus not in the new screen',
    );
    await sendKeys({ type: uniqueEmail('keys') });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => auth.querySelector('cognito-reset-password input[autocomplete="one-time-code"]'),
      'Enter did not submit',
      { timeout: 10_000 },
    );
  });

  it('375 px wide: every screen fits without sideways scrolling', async () => {
    await setViewport({ width: 375, height: 740 });
    try {
      const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator', {
        attributes: { fields: 'given_name family_name phone_number' },
      });
      for (const [part, tag] of [
        ['sign-up-link', 'cognito-sign-up'],
        ['sign-in-link', 'cognito-login'],
        ['forgot-password-link', 'cognito-forgot-password'],
      ] as const) {
        await clickLink(auth, part, tag);
        expect(document.documentElement.scrollWidth, `${tag} at 375 px`).to.be.at.most(375);
        for (const control of auth.querySelectorAll<HTMLElement>('input:not([hidden]), button')) {
          expect(control.getBoundingClientRect().right, `${tag}: ${control.outerHTML.slice(0, 60)}`).to.be.at.most(375);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('an expired code says so and offers a new one; the new code works', async () => {
    const auth = await elementFixture<CognitoAuthenticator>('cognito-authenticator', {
      viaProxy: true,
      attributes: { 'initial-screen': 'sign-up', 'resend-cooldown': '0' },
    });
    await waitUntil(() => auth.querySelector('cognito-sign-up form'));
    const email = uniqueEmail('expired');
    typeInto(input(auth, 'input[autocomplete="username"]'), email);
    setNewPassword(auth, 'Passw0rd!');
    auth.querySelector<HTMLButtonElement>('cognito-sign-up button[type="submit"]')!.click();
    await waitUntil(() => auth.querySelector('input[autocomplete="one-time-code"]'), 'no code step', {
      timeout: 10_000,
    });
    const step = auth.querySelector('cognito-confirm-sign-up')!;
    await setFaults([
      {
        target: 'ConfirmSignUp',
        kind: 'error',
        type: 'ExpiredCodeException',
        message: 'Invalid code provided, please request a code again.',
        times: 1,
      },
    ]);
    typeInto(input(step, 'input[autocomplete="one-time-code"]'), await latestCode(email));
    step.querySelector('form')!.requestSubmit();
    await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(step)).to.equal('That code has expired. Ask for a new one.');
    const resend = step.querySelector<HTMLButtonElement>('[part~="resend"]')!;
    await waitUntil(() => !resend.disabled, 'Resend not offered');
    resend.click();
    await waitUntil(
      () => step.querySelector('[part~="notice"]')!.textContent!.includes('A new code was sent'),
      'no new code',
      { timeout: 10_000 },
    );
    expect((await enterCode(auth, email)).detail.reason).to.equal('sign-up');
  });
});
