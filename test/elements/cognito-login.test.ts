import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { CognitoErrorEvent, CognitoSignedInEvent } from '../../src/index.js';
import { alertText, cleanSlate, loginFixture, submitLogin } from '../support/fixtures.js';
import { requestLog } from '../support/local-cognito.js';

describe('<cognito-login>', () => {
  beforeEach(cleanSlate);

  it('signs in the demo user with SRP in exactly two Cognito requests', async () => {
    const login = await loginFixture();
    const mark = (await requestLog()).length;
    const signedIn = oneEvent(login, 'cognito-signed-in') as Promise<CognitoSignedInEvent>;
    await submitLogin(login, 'demo@example.com', 'Passw0rd!');
    const event = await signedIn;
    expect(event.detail.reason).to.equal('sign-in');
    expect(event.detail.user.email).to.equal('demo@example.com');
    await waitUntil(() => login.getAttribute('state') === 'signedIn');
    expect(login.querySelector('form')).to.equal(null);
    expect((await requestLog(mark)).map((r) => r.target)).to.deep.equal(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('shows a wrong password as "Incorrect email or password."', async () => {
    const login = await loginFixture();
    const failed = oneEvent(login, 'cognito-error') as Promise<CognitoErrorEvent>;
    await submitLogin(login, 'demo@example.com', 'Wrong-Passw0rd!');
    const event = await failed;
    expect(event.detail).to.deep.equal({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', action: 'signIn' });
    await waitUntil(() => alertText(login) !== '');
    expect(alertText(login)).to.equal('Incorrect email or password.');
  });
});
