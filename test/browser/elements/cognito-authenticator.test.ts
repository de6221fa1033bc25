import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import { getAuthStore, type CognitoAuthenticator, type CognitoSignedInEvent } from '../../../src/index.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import { cleanSlate, elementFixture, poolAttributes, typeInto } from '../../support/fixtures.js';
import { latestCode } from '../../support/local-cognito.js';

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
});
