import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import type {
  CognitoAccountCreatedEvent,
  CognitoErrorEvent,
  CognitoSignedInEvent,
  CognitoSignUp,
} from '../../../src/index.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import { alertText, cleanSlate, elementFixture, typeInto } from '../../support/fixtures.js';
import { createConfirmedUser, latestCode, requestLog, setFaults } from '../../support/local-cognito.js';

const PASSWORD = 'Passw0rd!';
const input = (root: Element, selector: string) => root.querySelector<HTMLInputElement>(selector)!;

/** Fills the sign-up form and submits it as a user would. */
function fillAndSubmit(signUp: Element, email: string, password = PASSWORD, confirmation = password): void {
  typeInto(input(signUp, 'input[autocomplete="username"]'), email);
  const [first, second] = signUp.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
  typeInto(first!, password);
  typeInto(second!, confirmation);
  signUp.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

async function codeStep(signUp: Element): Promise<Element> {
  await waitUntil(
    () => signUp.querySelector('cognito-confirm-sign-up input[autocomplete="one-time-code"]'),
    'no code step',
    { timeout: 10_000 },
  );
  return signUp.querySelector('cognito-confirm-sign-up')!;
}

describe('<cognito-sign-up>', () => {
  beforeEach(cleanSlate);
  afterEach(cleanSlate);

  it('a light-DOM form a password manager can save: username + two new-password inputs, the checklist, the attributes in fields', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up', {
      attributes: { fields: 'given_name phone_number', 'sign-in-href': '/login' },
    });
    expect(signUp.shadowRoot).to.equal(null);
    expect(input(signUp, 'input[autocomplete="username"]').type).to.equal('email');
    expect(signUp.querySelectorAll('input[autocomplete="new-password"]')).to.have.length(2);
    expect(input(signUp, 'input[autocomplete="given-name"]').labels?.[0]?.textContent).to.equal('Given name');
    expect(input(signUp, 'input[autocomplete="tel"]').type).to.equal('tel');
    expect(signUp.querySelectorAll('[part~="rule"]').length).to.be.greaterThan(2);
    expect(signUp.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]')!.getAttribute('href')).to.equal('/login');
    await expect(signUp).to.be.accessible();
  });

  it('create account → the code (masked destination) → signed in (reason sign-up) without a second password; one SignUp for a double submit', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up');
    const email = uniqueEmail('element-signup');
    const mark = (await requestLog()).length;
    const created = oneEvent(signUp, 'cognito-account-created') as Promise<CognitoAccountCreatedEvent>;
    fillAndSubmit(signUp, email);
    signUp.querySelector('form')!.requestSubmit();
    expect((await created).detail).to.include({ username: email, confirmed: false });
    const step = await codeStep(signUp);
    expect(step.querySelector('[part~="intro"]')!.textContent).to.match(/We sent a code to \w\*+@\w\*+/);
    await expect(signUp).to.be.accessible();

    typeInto(input(step, 'input[autocomplete="one-time-code"]'), await latestCode(email));
    const signedIn = oneEvent(signUp, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    step.querySelector('form')!.requestSubmit();
    const event = await signedIn;
    expect(event.detail.reason).to.equal('sign-up');
    expect(event.detail.user.email).to.equal(email);
    const targets = (await requestLog(mark)).map((r) => r.target);
    expect(targets.filter((t) => t === 'SignUp')).to.have.length(1);
    expect(targets).to.deep.equal(['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('an email that has an account: says so, keeps the email, marks the field; nothing else changes', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up');
    const email = await createConfirmedUser();
    fillAndSubmit(signUp, email);
    await waitUntil(() => alertText(signUp) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(signUp)).to.equal('An account with this email already exists. Sign in, or reset your password.');
    expect(input(signUp, 'input[autocomplete="username"]').value).to.equal(email);
    expect(input(signUp, 'input[autocomplete="username"]').getAttribute('aria-invalid')).to.equal('true');
    expect(signUp.getAttribute('state')).to.equal('signedOut');
  });

  it('a password the checklist refuses, or a confirmation that differs, is refused before anything is sent', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up', { lang: 'ja' });
    const mark = (await requestLog()).length;
    fillAndSubmit(signUp, uniqueEmail('weak'), 'weak');
    await waitUntil(() => alertText(signUp) !== '');
    expect(alertText(signUp)).to.equal('新しいパスワードが下記の条件を満たしていません。');
    fillAndSubmit(signUp, uniqueEmail('mismatch'), PASSWORD, 'Passw0rd?');
    await waitUntil(() => alertText(signUp).includes('一致'));
    expect((await requestLog(mark)).map((r) => r.target)).to.deep.equal([]);
  });

  it('a dropped ConfirmSignUp keeps the code step usable, and the account is confirmed by the retry', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up', { viaProxy: true });
    const email = uniqueEmail('dropped-confirm');
    fillAndSubmit(signUp, email);
    const step = await codeStep(signUp);
    const code = await latestCode(email);
    // Every attempt: Chromium itself retries a POST once when a reused connection is dropped.
    await setFaults([{ target: 'ConfirmSignUp', kind: 'network' }]);
    typeInto(input(step, 'input[autocomplete="one-time-code"]'), code);
    step.querySelector('form')!.requestSubmit();
    await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(step)).to.equal('The sign-in service could not be reached. Check your connection and try again.');
    expect(input(step, 'input[autocomplete="one-time-code"]').value).to.equal(code);
    await setFaults([]);
    const signedIn = oneEvent(signUp, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    step.querySelector('form')!.requestSubmit();
    expect((await signedIn).detail.reason).to.equal('sign-up');
  });

  it('Resend waits for its cooldown, then sends a new code that works', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up', { attributes: { 'resend-cooldown': '1' } });
    const email = uniqueEmail('resend');
    fillAndSubmit(signUp, email);
    const step = await codeStep(signUp);
    const resend = step.querySelector<HTMLButtonElement>('[part~="resend"]')!;
    expect(resend.disabled).to.equal(true);
    expect(resend.textContent).to.match(/Send a new code \(1 s\)/);
    const first = await latestCode(email);
    // The cooldown is real time: one second, as set above.
    await waitUntil(() => !resend.disabled, 'resend never enabled', { timeout: 3000 });
    resend.click();
    await waitUntil(
      () => step.querySelector('[part~="notice"]')!.textContent!.includes('A new code was sent'),
      'no notice',
      { timeout: 10_000 },
    );
    const second = await latestCode(email);
    expect(second).not.to.equal(first);
    typeInto(input(step, 'input[autocomplete="one-time-code"]'), second);
    const signedIn = oneEvent(signUp, 'cognito-signed-in');
    step.querySelector('form')!.requestSubmit();
    expect((await signedIn).type).to.equal('cognito-signed-in');
  });

  it('after five wrong codes even the right one is refused: says to send a new code, keeps the step, and the new code signs in', async () => {
    const signUp = await elementFixture<CognitoSignUp>('cognito-sign-up', { attributes: { 'resend-cooldown': '0' } });
    const email = uniqueEmail('code-limit');
    fillAndSubmit(signUp, email);
    const step = await codeStep(signUp);
    const code = await latestCode(email);
    const codeInput = input(step, 'input[autocomplete="one-time-code"]');
    const attempt = async (typed: string): Promise<CognitoErrorEvent> => {
      typeInto(codeInput, typed);
      const refused = oneEvent(signUp, 'cognito-error') as Promise<CognitoErrorEvent>;
      step.querySelector('form')!.requestSubmit();
      return refused;
    };
    const mark = (await requestLog()).length;
    for (let wrong = 1; wrong <= 5; wrong++) {
      const event = await attempt(code === '000000' ? '111111' : '000000');
      expect(event.detail.name, `wrong code ${wrong}`).to.equal('CodeMismatchException');
      await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
      expect(alertText(step)).to.equal('That code is not right. Check it and try again.');
    }

    // The right code now, submitted twice (a double click): one request, refused.
    typeInto(codeInput, code);
    const refused = oneEvent(signUp, 'cognito-error') as Promise<CognitoErrorEvent>;
    step.querySelector('form')!.requestSubmit();
    step.querySelector('form')!.requestSubmit();
    expect((await refused).detail.name).to.equal('LimitExceededException');
    await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(step)).to.equal(
      'Too many failed attempts. Send a new code, or wait a while before you try again.',
    );
    const confirms = (await requestLog(mark)).filter((r) => r.target === 'ConfirmSignUp');
    expect(confirms, 'one ConfirmSignUp per submit, none retried').to.have.length(6);
    // Still the code step for the same account, with what was typed.
    expect(signUp.getAttribute('state')).to.equal('confirmSignUp');
    expect(signUp.querySelector('cognito-confirm-sign-up')).to.equal(step);
    expect(input(step, 'input[autocomplete="username"]').value).to.equal(email);
    expect(codeInput.value).to.equal(code);
    await expect(signUp).to.be.accessible();

    // The way out: a new code (no cooldown here), which confirms and signs in with the password typed at sign-up.
    const resend = step.querySelector<HTMLButtonElement>('[part~="resend"]')!;
    expect(resend.disabled).to.equal(false);
    const resendMark = (await requestLog()).length;
    resend.click();
    await waitUntil(
      () => step.querySelector('[part~="notice"]')!.textContent!.includes('A new code was sent'),
      'no notice',
      { timeout: 10_000 },
    );
    expect(alertText(step), 'the refusal is gone once a new code is sent').to.equal('');
    const fresh = await latestCode(email);
    typeInto(codeInput, fresh);
    const signedIn = oneEvent(signUp, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    step.querySelector('form')!.requestSubmit();
    const event = await signedIn;
    expect(event.detail.reason).to.equal('sign-up');
    expect(event.detail.user.email).to.equal(email);
    expect((await requestLog(resendMark)).map((r) => r.target)).to.deep.equal([
      'ResendConfirmationCode',
      'ConfirmSignUp',
      'InitiateAuth',
      'RespondToAuthChallenge',
    ]);
  });
});
