/**
 * Smoke test of the foundation: aws-amplify's browser code (SRP in the page, fetch with CORS preflights)
 * signs in against the local service and keeps its tokens in localStorage.
 */
import { expect } from '@open-wc/testing';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { poolConfig, requestLog } from '../../support/local-cognito.js';

describe('aws-amplify in Chromium against the local service', () => {
  before(async () => {
    localStorage.clear(); // test files share an origin: start without another file's tokens
    Amplify.configure({ Auth: { Cognito: await poolConfig() } });
  });
  afterEach(async () => {
    await signOut();
  });

  it('signs in with SRP in two Cognito requests, across origins', async () => {
    const { userPoolEndpoint, userPoolClientId } = await poolConfig();
    expect(new URL(userPoolEndpoint).origin).to.not.equal(location.origin); // so CORS is really exercised
    const mark = (await requestLog()).length;

    const result = await signIn({ username: 'demo@example.com', password: 'Passw0rd!' });

    expect(result).to.deep.equal({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const calls = (await requestLog(mark)).map((r) => `${r.target} ${r.status}`);
    expect(calls).to.deep.equal(['InitiateAuth 200', 'RespondToAuthChallenge 200']);
    const user = await getCurrentUser();
    expect(user.signInDetails?.authFlowType).to.equal('USER_SRP_AUTH');
    expect(localStorage.getItem(`CognitoIdentityServiceProvider.${userPoolClientId}.LastAuthUser`)).to.equal(
      user.username,
    );
    const { tokens } = await fetchAuthSession();
    expect(tokens?.idToken?.payload['email']).to.equal('demo@example.com');
  });

  it('rejects a wrong password with NotAuthorizedException', async () => {
    let error: Error | undefined;
    try {
      await signIn({ username: 'demo@example.com', password: 'Wrong-Passw0rd!' });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).to.equal('NotAuthorizedException');
    expect(error?.message).to.equal('Incorrect username or password.');
  });
});
