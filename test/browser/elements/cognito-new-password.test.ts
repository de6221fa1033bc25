import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import { getAuthStore, type CognitoErrorEvent, type CognitoSignedInEvent } from '../../../src/index.js';
import { alertText, captureConsole, cleanSlate, poolAttributes } from '../../support/fixtures.js';
import { callCognito, createTemporaryUser, poolConfig, requestLog, setFaults } from '../../support/local-cognito.js';

/** A page with its own <cognito-new-password>, and the challenge started through the store. */
async function challenged(options: { viaProxy?: boolean; attrs?: string; email?: string } = {}) {
  const a = await poolAttributes(options);
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="en">
      <cognito-new-password
        user-pool-id=${a.userPoolId}
        client-id=${a.clientId}
        endpoint=${a.endpoint}
        min-length=${options.attrs === 'weak' ? 6 : 8}
      ></cognito-new-password>
    </div>`,
  );
  const element = wrapper.querySelector('cognito-new-password')!;
  await waitUntil(() => element.getAttribute('state') === 'signedOut');
  expect(element.querySelector('form'), 'nothing outside the challenge').to.equal(null);
  const email = options.email ?? (await createTemporaryUser());
  await getAuthStore().signIn(email, 'TempPassw0rd!');
  await waitUntil(() => element.querySelector('form') !== null);
  return { element, email };
}

function type(element: Element, name: string, value: string): void {
  const input = element.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const metRules = (element: Element) =>
  [...element.querySelectorAll('[part~="rule"][data-met]')].map((li) => li.getAttribute('data-rule'));
const submit = (element: Element) => element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('<cognito-new-password>', () => {
  beforeEach(cleanSlate);

  it('shows the challenge form: two new-password fields and the email for the password manager', async () => {
    const { element, email } = await challenged();
    const fields = element.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    expect(fields).to.have.length(2);
    const username = element.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    expect(username.value).to.equal(email);
    expect(username.form).to.equal(fields[0]!.form);
    expect(element.getAttribute('state')).to.equal('newPasswordRequired');
    await expect(element).to.be.accessible();
  });

  it('ticks the policy checklist as the user types, and shows a mismatch before submitting', async () => {
    const { element } = await challenged();
    await element.updateComplete;
    expect(metRules(element)).to.deep.equal([]);
    type(element, 'new-password', 'abc');
    await element.updateComplete;
    expect(metRules(element)).to.deep.equal(['lowercase']);
    type(element, 'new-password', 'Abcdefg1!');
    await element.updateComplete;
    expect(metRules(element)).to.deep.equal(['length', 'lowercase', 'uppercase', 'numbers', 'symbols']);
    type(element, 'confirm-password', 'Abcdefg1?');
    await element.updateComplete;
    expect(element.querySelector('input[name="confirm-password"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(metRules(element)).to.not.include('match');
    type(element, 'confirm-password', 'Abcdefg1!');
    await element.updateComplete;
    expect(metRules(element)).to.include('match');
    expect(element.querySelector('input[name="confirm-password"]')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('refuses an unmet policy or a mismatch without a request', async () => {
    const { element } = await challenged();
    const mark = (await requestLog()).length;
    type(element, 'new-password', 'short');
    submit(element);
    await waitUntil(() => alertText(element) !== '');
    expect(alertText(element)).to.equal('The new password does not meet all the requirements below.');
    type(element, 'new-password', 'Long-enough1');
    type(element, 'confirm-password', 'Long-enough2');
    submit(element);
    await waitUntil(() => alertText(element) === 'The two passwords do not match.');
    expect(await requestLog(mark)).to.have.length(0);
  });

  it('completes the challenge: signed in, cognito-signed-in with reason new-password on itself', async () => {
    const { element, email } = await challenged({ viaProxy: true });
    type(element, 'new-password', 'N3w-Passw0rd!');
    type(element, 'confirm-password', 'N3w-Passw0rd!');
    await setFaults([{ target: 'RespondToAuthChallenge', kind: 'delay', delayMs: 500 }]); // to see the busy state
    const signedIn = oneEvent(element, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    submit(element);
    await waitUntil(() => element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled === true);
    expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')!.textContent?.trim()).to.equal('Saving…');
    await expect(element).to.be.accessible();
    const event = await signedIn;
    expect(event.detail.reason).to.equal('new-password');
    expect(event.detail.user.email).to.equal(email);
    await waitUntil(() => element.querySelector('form') === null);
    expect(getAuthStore().state.status).to.equal('signedIn');
  });

  it('shows the pool’s InvalidPasswordException reason as text, and keeps what was typed', async () => {
    // The element is told about a laxer policy than the pool has: the server's answer is what the user sees.
    const { element } = await challenged({ attrs: 'weak' });
    element.setAttribute('require', '');
    type(element, 'new-password', 'abcdef');
    type(element, 'confirm-password', 'abcdef');
    const failed = oneEvent(element, 'cognito-error') as Promise<CognitoErrorEvent>;
    submit(element);
    const event = await failed;
    expect(event.detail.name).to.equal('InvalidPasswordException');
    await waitUntil(() => alertText(element) !== '');
    expect(alertText(element)).to.equal(
      'The new password was not accepted: Password did not conform with policy: Password not long enough',
    );
    expect(element.querySelector<HTMLInputElement>('input[name="new-password"]')!.value).to.equal('abcdef');
    await expect(element).to.be.accessible();
  });

  it('a typo in min-length or require falls back to the default with a console warning, and good passwords pass', async () => {
    const { element, email } = await challenged();
    const warnings = captureConsole('warn');
    try {
      element.setAttribute('min-length', 'abc');
      element.setAttribute('require', 'lowercase digits');
      await element.updateComplete;
      const lengthRule = element.querySelector('[data-rule="length"]')!.textContent!;
      expect(lengthRule).to.contain('At least 8 characters');
      expect(lengthRule).to.not.contain('NaN');
      type(element, 'new-password', 'N3w-Passw0rd!');
      type(element, 'confirm-password', 'N3w-Passw0rd!');
      await element.updateComplete;
      expect(metRules(element)).to.include.members(['length', 'lowercase', 'match']);
      expect(warnings.lines.filter((w) => w.includes('min-length="abc"'))).to.have.length(1);
      expect(warnings.lines.filter((w) => w.includes('require="digits"'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
    const signedIn = oneEvent(element, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    submit(element);
    const event = await signedIn;
    expect(event.detail.reason).to.equal('new-password');
    expect(event.detail.user.email).to.equal(email);
  });

  it('a network failure keeps the form and what was typed; the retry works', async () => {
    const { element, email } = await challenged({ viaProxy: true });
    type(element, 'new-password', 'N3w-Passw0rd!');
    type(element, 'confirm-password', 'N3w-Passw0rd!');
    await setFaults([{ target: 'RespondToAuthChallenge', kind: 'network' }]);
    const failed = oneEvent(element, 'cognito-error');
    submit(element);
    await failed;
    await waitUntil(() => alertText(element) !== '');
    expect(alertText(element)).to.equal(
      'The sign-in service could not be reached. Check your connection and try again.',
    );
    expect(element.querySelector<HTMLInputElement>('input[name="new-password"]')!.value).to.equal('N3w-Passw0rd!');
    await setFaults([]);
    const signedIn = oneEvent(element, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    submit(element);
    const event = await signedIn;
    expect(event.detail.reason).to.equal('new-password');
    expect(event.detail.user.email).to.equal(email);
  });

  it('"Back to sign in" abandons the challenge', async () => {
    const { element } = await challenged();
    const changed = oneEvent(element, 'cognito-auth-change');
    element.querySelector<HTMLButtonElement>('[part~="secondary-button"]')!.click();
    expect((await changed).detail.status).to.equal('signedOut');
    await waitUntil(() => element.querySelector('form') === null);
  });

  it('asks for the attributes Cognito requires (missingAttributes)', async () => {
    // A pool that requires a name, which the admin-created user does not have.
    const { UserPool } = await callCognito<{ UserPool: { Id: string } }>('CreateUserPool', {
      PoolName: 'requires-name',
      UsernameAttributes: ['email'],
      Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true, Mutable: true }],
    });
    const { UserPoolClient } = await callCognito<{ UserPoolClient: { ClientId: string } }>('CreateUserPoolClient', {
      UserPoolId: UserPool.Id,
      ClientName: 'requires-name',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const email = await createTemporaryUser(UserPool.Id);
    const { userPoolEndpoint } = await poolConfig();
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ja">
        <cognito-new-password
          user-pool-id=${UserPool.Id}
          client-id=${UserPoolClient.ClientId}
          endpoint=${userPoolEndpoint}
        ></cognito-new-password>
      </div>`,
    );
    const element = wrapper.querySelector('cognito-new-password')!;
    await waitUntil(() => element.getAttribute('state') === 'signedOut');
    await getAuthStore().signIn(email, 'TempPassw0rd!');
    await waitUntil(() => element.querySelector('input[name="name"]') !== null);
    const name = element.querySelector<HTMLInputElement>('input[name="name"]')!;
    expect(name.labels?.[0]?.textContent).to.equal('氏名');
    expect(name.autocomplete).to.equal('name');
    type(element, 'new-password', 'N3w-Passw0rd!');
    type(element, 'confirm-password', 'N3w-Passw0rd!');
    submit(element);
    await waitUntil(() => alertText(element) === '氏名を入力してください。');
    type(element, 'name', '山田 太郎');
    const signedIn = oneEvent(element, 'cognito-signed-in');
    submit(element);
    await signedIn;
    const user = await callCognito<{ UserAttributes: { Name: string; Value: string }[] }>('AdminGetUser', {
      UserPoolId: UserPool.Id,
      Username: email,
    });
    expect(user.UserAttributes.find((a) => a.Name === 'name')?.Value).to.equal('山田 太郎');
  });
});
