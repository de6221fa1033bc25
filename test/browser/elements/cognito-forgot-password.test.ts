import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import type { CognitoErrorEvent, CognitoForgotPassword, CognitoSignedInEvent } from '../../../src/index.js';
import { uniqueEmail } from '../../support/cognito-api.js';
import { alertText, cleanSlate, elementFixture, typeInto } from '../../support/fixtures.js';
import { createConfirmedUser, latestCode, otherDeviceSignIn, requestLog } from '../../support/local-cognito.js';

const input = (root: Element, selector: string) => root.querySelector<HTMLInputElement>(selector)!;

async function requestCode(forgot: Element, email: string): Promise<Element> {
  typeInto(input(forgot, 'input[autocomplete="username"]'), email);
  forgot.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(
    () => forgot.querySelector('cognito-reset-password input[autocomplete="one-time-code"]'),
    'no reset step',
    { timeout: 10_000 },
  );
  return forgot.querySelector('cognito-reset-password')!;
}

describe('<cognito-forgot-password>', () => {
  beforeEach(cleanSlate);
  afterEach(cleanSlate);

  it('email → code + new password → signed in (reason password-reset)', async () => {
    const forgot = await elementFixture<CognitoForgotPassword>('cognito-forgot-password', {
      attributes: { 'sign-in-href': '/login' },
    });
    await expect(forgot).to.be.accessible();
    const email = await createConfirmedUser();
    const step = await requestCode(forgot, email);
    await expect(forgot).to.be.accessible();
    typeInto(input(step, 'input[autocomplete="one-time-code"]'), await latestCode(email));
    const [password, confirm] = step.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    typeInto(password!, 'N3w-Passw0rd!');
    typeInto(confirm!, 'N3w-Passw0rd!');
    const signedIn = oneEvent(forgot, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    step.querySelector('form')!.requestSubmit();
    const event = await signedIn;
    expect(event.detail.reason).to.equal('password-reset');
    expect(event.detail.user.email).to.equal(email);
  });

  it('an email with no account gets the same screen and the same words as one with an account', async () => {
    const forgot = await elementFixture<CognitoForgotPassword>('cognito-forgot-password');
    const known = await createConfirmedUser();
    const knownStep = await requestCode(forgot, known);
    const knownText = knownStep.textContent!.replace(known, '<email>').replace(/\s+/g, ' ');
    knownStep.querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await waitUntil(() => forgot.querySelector('form input[autocomplete="username"]'), 'no email form after Back');
    expect(input(forgot, 'input[autocomplete="username"]').value, 'Back keeps the email').to.equal(known);
    const unknown = uniqueEmail('nobody');
    const unknownStep = await requestCode(forgot, unknown);
    expect(unknownStep.textContent!.replace(unknown, '<email>').replace(/\s+/g, ' ')).to.equal(knownText);
  });

  it('a wrong code: a clear message, the code selected for retyping, the new password kept in its fields', async () => {
    const forgot = await elementFixture<CognitoForgotPassword>('cognito-forgot-password', { lang: 'ja' });
    const email = await createConfirmedUser();
    const step = await requestCode(forgot, email);
    const code = await latestCode(email);
    typeInto(input(step, 'input[autocomplete="one-time-code"]'), code === '000000' ? '111111' : '000000');
    const [password, confirm] = step.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    typeInto(password!, 'N3w-Passw0rd!');
    typeInto(confirm!, 'N3w-Passw0rd!');
    step.querySelector('form')!.requestSubmit();
    await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(step)).to.equal('コードが正しくありません。確認して再度入力してください。');
    expect(input(step, 'input[autocomplete="one-time-code"]').getAttribute('aria-invalid')).to.equal('true');
    expect(password!.value).to.equal('N3w-Passw0rd!');
  });

  it('after five wrong codes even the right one is refused: says (ja) to send a new code, keeps the new password, and the new code sets it', async () => {
    const forgot = await elementFixture<CognitoForgotPassword>('cognito-forgot-password', {
      lang: 'ja',
      attributes: { 'resend-cooldown': '0' },
    });
    const email = await createConfirmedUser();
    const step = await requestCode(forgot, email);
    const code = await latestCode(email);
    const codeInput = input(step, 'input[autocomplete="one-time-code"]');
    const [password, confirm] = step.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    typeInto(password!, 'N3w-Passw0rd!');
    typeInto(confirm!, 'N3w-Passw0rd!');
    const mark = (await requestLog()).length;
    for (let wrong = 1; wrong <= 5; wrong++) {
      typeInto(codeInput, code === '000000' ? '111111' : '000000');
      const refused = oneEvent(forgot, 'cognito-error') as Promise<CognitoErrorEvent>;
      step.querySelector('form')!.requestSubmit();
      expect((await refused).detail.name, `wrong code ${wrong}`).to.equal('CodeMismatchException');
      await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
      expect(alertText(step)).to.equal('コードが正しくありません。確認して再度入力してください。');
    }

    // The right code now, submitted twice (a double click): one request, refused.
    typeInto(codeInput, code);
    const refused = oneEvent(forgot, 'cognito-error') as Promise<CognitoErrorEvent>;
    step.querySelector('form')!.requestSubmit();
    step.querySelector('form')!.requestSubmit();
    expect((await refused).detail.name).to.equal('LimitExceededException');
    await waitUntil(() => alertText(step) !== '', 'no error shown', { timeout: 10_000 });
    expect(alertText(step)).to.equal(
      '失敗が続いています。新しいコードを送信するか、しばらく待ってから再度お試しください。',
    );
    const confirms = (await requestLog(mark)).filter((r) => r.target === 'ConfirmForgotPassword');
    expect(confirms, 'one ConfirmForgotPassword per submit, none retried').to.have.length(6);
    // Still the reset step for the same email, with the new password in both fields.
    expect(forgot.getAttribute('state')).to.equal('resetPassword');
    expect(forgot.querySelector('cognito-reset-password')).to.equal(step);
    expect(input(step, 'input[autocomplete="username"]').value).to.equal(email);
    expect(password!.value).to.equal('N3w-Passw0rd!');
    expect(confirm!.value).to.equal('N3w-Passw0rd!');
    expect(codeInput.value).to.equal(code);
    await expect(forgot).to.be.accessible();

    // The way out: a new code (no cooldown here); with it and the kept password, the reset goes through.
    const resend = step.querySelector<HTMLButtonElement>('[part~="resend"]')!;
    expect(resend.disabled).to.equal(false);
    const resendMark = (await requestLog()).length;
    resend.click();
    await waitUntil(
      () => step.querySelector('[part~="notice"]')!.textContent!.includes('新しいコードを送信しました'),
      'no notice',
      { timeout: 10_000 },
    );
    expect(alertText(step), 'the refusal is gone once a new code is sent').to.equal('');
    const fresh = await latestCode(email);
    expect(fresh).not.to.equal(code);
    typeInto(codeInput, fresh);
    const signedIn = oneEvent(forgot, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    step.querySelector('form')!.requestSubmit();
    const event = await signedIn;
    expect(event.detail.reason).to.equal('password-reset');
    expect(event.detail.user.email).to.equal(email);
    expect((await requestLog(resendMark)).map((r) => r.target).slice(0, 2)).to.deep.equal([
      'ForgotPassword',
      'ConfirmForgotPassword',
    ]);
    expect(await otherDeviceSignIn(email, 'N3w-Passw0rd!'), 'the kept new password is the one set').to.be.a('string');
  });
});
