/**
 * <cognito-mfa-settings> against the local service (demo pool: MFA OPTIONAL, TOTP and email): the settings shown,
 * an authenticator app set up from the key the element shows (its code computed as the app would), email codes
 * turned on, a factor turned off, another preferred, each told once as `cognito-mfa-change`; a dropped answer.
 * Fresh users per test: the service takes each TOTP code once per 30-second step.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/cognito-mfa-settings.js';
import '../../../src/elements/cognito-session.js';
import type { CognitoMfaChangeEvent, MfaChangeDetail } from '../../../src/events.js';
import { getAuthStore } from '../../../src/store/index.js';
import { alertText, cleanSlate, elementFixture, poolAttributes, typeInto } from '../../support/fixtures.js';
import {
  callCognito,
  createMfaUser,
  poolConfig,
  requestLog,
  setFaults,
  totpCode,
} from '../../support/local-cognito.js';

const NETWORK = { timeout: 10_000 };

const text = (root: ParentNode, part: string) => root.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? '';
const row = (root: ParentNode, factor: string) => root.querySelector<HTMLElement>(`[data-factor="${factor}"]`)!;
const rowState = (root: ParentNode, factor: string) => text(row(root, factor), 'factor-state');
const button = (root: ParentNode, factor: string, label: string) =>
  [...row(root, factor).querySelectorAll<HTMLButtonElement>('[part~="action"]')].find(
    (b) => b.textContent?.trim() === label,
  );
const codeInput = (root: ParentNode) => root.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!;

/** Every `cognito-mfa-change` heard on the document from now on. */
function changes(): MfaChangeDetail[] {
  const heard: MfaChangeDetail[] = [];
  document.addEventListener('cognito-mfa-change', (e: CognitoMfaChangeEvent) => heard.push(e.detail));
  return heard;
}

/** The element, signed in as a fresh user with `factors`, once its settings are shown. */
async function signedInSettings(
  factors: Parameters<typeof createMfaUser>[0],
  options: { viaProxy?: boolean; lang?: string; attributes?: Record<string, string> } = {},
) {
  const user = await createMfaUser(factors);
  const el = await elementFixture<HTMLElement>('cognito-mfa-settings', options);
  await signInAs(user.email, user.secret);
  await waitUntil(() => el.querySelector('[part~="factors"]'), 'the settings never showed', NETWORK);
  return { el, ...user };
}

/** Signs in through the store; with an app set up, with its code of the next step (the current one may be used). */
async function signInAs(email: string, secret: string | undefined, stepsAgo = -1): Promise<void> {
  const store = getAuthStore();
  const result = await store.signIn(email, 'Passw0rd!');
  if (result.status === 'mfa') await store.confirmMfa(totpCode(secret!, stepsAgo));
  expect(store.state.status).to.equal('signedIn');
}

async function adminMfa(email: string): Promise<{ UserMFASettingList?: string[]; PreferredMfaSetting?: string }> {
  return callCognito('AdminGetUser', { UserPoolId: (await poolConfig()).userPoolId, Username: email });
}

/** A short wait for any late second event. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('<cognito-mfa-settings>', () => {
  beforeEach(cleanSlate);
  afterEach(() => setFaults([]));

  it('signed out: shows nothing', async () => {
    const el = await elementFixture<HTMLElement>('cognito-mfa-settings');
    expect(el.getAttribute('state')).to.equal('signedOut');
    expect(el.childElementCount).to.equal(0);
    expect(el.textContent!.trim()).to.equal('');
  });

  it('shows the factors that are on and the preferred one (ja), and nothing again once signed out', async () => {
    const { el } = await signedInSettings({ totp: true, email: true, preferred: 'totp' }, { lang: 'ja' });
    expect(text(el, 'heading')).to.equal('2 段階認証');
    const names = [...el.querySelectorAll('[part~="factor-name"]')].map((n) => n.textContent!.trim());
    expect(names).to.deep.equal(['認証アプリ', 'メール']);
    expect(rowState(el, 'TOTP')).to.equal('オン(優先)');
    expect(rowState(el, 'EMAIL')).to.equal('オン');
    expect(button(el, 'EMAIL', '優先にする') !== undefined).to.equal(true);
    expect(button(el, 'TOTP', 'オフにする') !== undefined).to.equal(true);
    expect(el.querySelector('[data-factor="SMS"]') === null, 'sms not offered by default').to.equal(true);
    await expect(el).to.be.accessible();

    await getAuthStore().signOut();
    await waitUntil(() => el.getAttribute('state') === 'signedOut');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.textContent!.trim()).to.equal('');
  });

  it('factors="sms email totp": those rows, in that order', async () => {
    const { el } = await signedInSettings({}, { attributes: { factors: 'sms email totp' } });
    const rows = [...el.querySelectorAll<HTMLElement>('[part~="factor"]')].map((r) => r.dataset['factor']);
    expect(rows).to.deep.equal(['SMS', 'EMAIL', 'TOTP']);
    expect(rowState(el, 'SMS')).to.equal('Off');
  });

  it('sets up an authenticator app from the QR code and key: verified, preferred, told once; it then signs in', async () => {
    const { el, email } = await signedInSettings({}, { attributes: { 'totp-issuer': 'Example Shop' } });
    expect(rowState(el, 'TOTP')).to.equal('Off');
    const heard = changes();
    button(el, 'TOTP', 'Set up')!.click();
    await waitUntil(() => el.querySelector('form [part~="secret"]'), 'no setup', NETWORK);
    await waitUntil(() => el.querySelector('svg[part~="qr-code"]'), 'no QR code', NETWORK);
    const qr = el.querySelector('svg[part~="qr-code"]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal(`QR code to add ${email} to an authenticator app`);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(500);
    const shown = text(el, 'secret');
    expect(shown).to.match(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(text(el, 'setup-heading')).to.equal('Set up your authenticator app');
    await waitUntil(() => document.activeElement === codeInput(el), 'focus is not on the code');
    expect(el.querySelectorAll('[style]').length, 'no inline styles (strict CSP)').to.equal(0);
    expect(heard).to.have.length(0);
    await expect(el).to.be.accessible();

    typeInto(codeInput(el), totpCode(shown));
    el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['TOTP'], preferred: 'TOTP' });
    await waitUntil(() => text(el, 'notice') !== '');
    expect(text(el, 'notice')).to.equal('Your authenticator app is set up and is now your preferred second step.');
    expect(el.querySelector('form') === null, 'the setup is closed').to.equal(true);
    expect(rowState(el, 'TOTP')).to.equal('On, preferred');
    expect(await adminMfa(email)).to.include({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    await settle();
    expect(heard).to.have.length(1);

    // The app is a factor now: the next sign-in asks for its code (of the next step: this one's code is used).
    await getAuthStore().signOut();
    await signInAs(email, shown, -1);
  });

  it('a wrong first code: the codeMismatch message, the code marked, nothing on; Cancel leaves it off', async () => {
    const { el, email } = await signedInSettings({});
    const heard = changes();
    button(el, 'TOTP', 'Set up')!.click();
    await waitUntil(() => el.querySelector('form [part~="secret"]'), 'no setup', NETWORK);
    const shown = text(el, 'secret');
    const wrong = totpCode(shown) === '000000' ? '111111' : '000000';
    typeInto(codeInput(el), wrong);
    el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => alertText(el) !== '', 'no error', NETWORK);
    expect(alertText(el)).to.equal('That code is not right. Check it and try again.');
    expect(codeInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(codeInput(el).value, 'the code stays for retyping').to.equal(wrong);
    expect(text(el, 'secret'), 'the same key').to.equal(shown);
    await expect(el).to.be.accessible();

    el.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.querySelector('form') === null).to.equal(true);
    expect(rowState(el, 'TOTP')).to.equal('Off');
    expect(alertText(el)).to.equal('');
    expect((await adminMfa(email)).UserMFASettingList).to.equal(undefined);
    expect(heard).to.have.length(0);
  });

  it('turns email codes on: busy first, one request, confirmed, told once', async () => {
    const { el, email } = await signedInSettings({});
    const heard = changes();
    const mark = (await requestLog()).length;
    const turnOn = button(el, 'EMAIL', 'Turn on')!;
    turnOn.click();
    turnOn.click(); // a double click sends one request
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(turnOn.disabled).to.equal(true);
    expect(turnOn.textContent!.trim()).to.equal('Saving…');
    expect(el.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['EMAIL'], preferred: null });
    await waitUntil(() => text(el, 'notice') !== '');
    expect(text(el, 'notice')).to.equal('Email is on.');
    expect(rowState(el, 'EMAIL')).to.equal('On');
    expect((await requestLog(mark)).filter((r) => r.target === 'SetUserMFAPreference')).to.have.length(1);
    expect((await adminMfa(email)).UserMFASettingList).to.deep.equal(['EMAIL_OTP']);
    await settle();
    expect(heard).to.have.length(1);
  });

  it('turns a factor off: the preferred one goes, the other stays (ja)', async () => {
    const { el, email } = await signedInSettings({ totp: true, email: true, preferred: 'totp' }, { lang: 'ja' });
    const heard = changes();
    button(el, 'TOTP', 'オフにする')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['EMAIL'], preferred: null });
    await waitUntil(() => text(el, 'notice') !== '');
    expect(text(el, 'notice')).to.equal('認証アプリをオフにしました。');
    expect(rowState(el, 'TOTP')).to.equal('オフ');
    expect(rowState(el, 'EMAIL')).to.equal('オン');
    expect(await adminMfa(email)).to.deep.include({ UserMFASettingList: ['EMAIL_OTP'] });
    await settle();
    expect(heard).to.have.length(1);
  });

  it('changes the preferred factor', async () => {
    const { el, email } = await signedInSettings({ totp: true, email: true, preferred: 'totp' });
    const heard = changes();
    button(el, 'EMAIL', 'Make preferred')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['TOTP', 'EMAIL'], preferred: 'EMAIL' });
    await waitUntil(() => text(el, 'notice') !== '');
    expect(text(el, 'notice')).to.equal('Email is now your preferred second step.');
    expect(rowState(el, 'EMAIL')).to.equal('On, preferred');
    expect(rowState(el, 'TOTP')).to.equal('On');
    expect(await adminMfa(email)).to.include({ PreferredMfaSetting: 'EMAIL_OTP' });
    await expect(el).to.be.accessible();
    await settle();
    expect(heard).to.have.length(1);
  });

  it('a dropped answer: a clear message, nothing changed, and a retry that works (a read and a change)', async () => {
    const user = await createMfaUser({});
    const el = await elementFixture<HTMLElement>('cognito-mfa-settings', { viaProxy: true });
    await setFaults([{ target: 'GetUser', kind: 'network' }]);
    await signInAs(user.email, undefined);
    await waitUntil(() => alertText(el) !== '', 'no load error', NETWORK);
    expect(alertText(el)).to.equal(
      'Your two-step verification settings could not be loaded. The sign-in service could not be reached. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    await setFaults([]);
    el.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => el.querySelector('[part~="factors"]'), 'the retry did not load', NETWORK);
    expect(alertText(el)).to.equal('');

    const heard = changes();
    await setFaults([{ target: 'SetUserMFAPreference', kind: 'network' }]);
    button(el, 'EMAIL', 'Turn on')!.click();
    await waitUntil(() => alertText(el) !== '', 'no error', NETWORK);
    expect(alertText(el)).to.equal('The sign-in service could not be reached. Check your connection and try again.');
    expect(rowState(el, 'EMAIL')).to.equal('Off');
    expect(heard).to.have.length(0);
    await expect(el).to.be.accessible();

    await setFaults([]);
    button(el, 'EMAIL', 'Turn on')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['EMAIL'], preferred: null });
    expect(alertText(el)).to.equal('');
    expect(rowState(el, 'EMAIL')).to.equal('On');
  });

  it('the app verified but its preference dropped: the retry with the same code completes it', async () => {
    const { el, email } = await signedInSettings({}, { viaProxy: true });
    const heard = changes();
    button(el, 'TOTP', 'Set up')!.click();
    await waitUntil(() => el.querySelector('form [part~="secret"]'), 'no setup', NETWORK);
    const code = totpCode(text(el, 'secret'));
    await setFaults([{ target: 'SetUserMFAPreference', kind: 'network' }]);
    typeInto(codeInput(el), code);
    el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => alertText(el) !== '', 'no error', NETWORK);
    expect(alertText(el)).to.equal('The sign-in service could not be reached. Check your connection and try again.');
    expect(codeInput(el).value, 'the code stays').to.equal(code);
    expect(rowState(el, 'TOTP')).to.equal('Off');
    expect(heard).to.have.length(0);

    await setFaults([]);
    el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(heard[0]).to.deep.equal({ enabled: ['TOTP'], preferred: 'TOTP' });
    expect(rowState(el, 'TOTP')).to.equal('On, preferred');
    expect(await adminMfa(email)).to.include({ PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
  });

  it("inside <cognito-session>'s signed-in slot", async () => {
    const { email } = await createMfaUser({});
    const a = await poolAttributes();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en">
        <cognito-session user-pool-id=${a.userPoolId} client-id=${a.clientId} endpoint=${a.endpoint}>
          <cognito-mfa-settings slot="signed-in"></cognito-mfa-settings>
        </cognito-session>
      </div>`,
    );
    const session = wrapper.querySelector('cognito-session')!;
    const settings = wrapper.querySelector('cognito-mfa-settings')!;
    await waitUntil(() => session.getAttribute('state') === 'signedOut');
    expect(settings.textContent!.trim()).to.equal('');
    await signInAs(email, undefined);
    await waitUntil(() => settings.querySelector('[part~="factors"]'), 'the settings never showed', NETWORK);
    const slot = session.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-in"]')!;
    expect(slot.assignedElements().includes(settings)).to.equal(true);
    expect(rowState(settings, 'EMAIL')).to.equal('Off');
    const heard = changes();
    button(settings, 'EMAIL', 'Turn on')!.click();
    await waitUntil(() => heard.length > 0, 'no cognito-mfa-change', NETWORK);
    expect(rowState(settings, 'EMAIL')).to.equal('On');
    await expect(session).to.be.accessible();
  });
});
