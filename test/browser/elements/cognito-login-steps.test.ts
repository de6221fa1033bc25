/**
 * <cognito-login> loads the steps it continues into when they appear (src/elements/steps.ts). This page imports
 * the login alone, as a login-only page would, so no step element is defined until a step needs one. A module
 * that failed to load stays failed for the page (the browser keeps the failure), so each test uses another step.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/elements/cognito-login.js';
import { alertText, cleanSlate, loginFixture, submitLogin } from '../../support/fixtures.js';
import { createTemporaryUser, createUnconfirmedUser } from '../../support/local-cognito.js';

/** Makes the test server fail (`refuse`) or answer late (`delay`) for paths containing one of `fragments`. */
async function serve(how: 'refuse' | 'delay', fragments: readonly string[], ms = 0): Promise<void> {
  const query = new URLSearchParams([...fragments.map((path) => ['path', path]), ['ms', String(ms)]]);
  await fetch(`/__test/${how}?${query.toString()}`);
}

// The page loads hundreds of modules in development: room for every one in the resource timeline.
performance.setResourceTimingBufferSize(5_000);

const STEPS = ['cognito-new-password', 'cognito-confirm-sign-up', 'cognito-reset-password', 'cognito-mfa', 'qr-code'];
const fetchedSteps = (): string[] =>
  STEPS.filter((tag) =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/src/elements/${tag}.`)),
  );

describe('<cognito-login> steps on demand', () => {
  beforeEach(cleanSlate);
  afterEach(async () => {
    await serve('refuse', []);
    await serve('delay', []);
  });

  it('fetches no step before one appears, then only the step that appears', async () => {
    const login = await loginFixture();
    expect(fetchedSteps()).to.deep.equal([]);
    expect(STEPS.filter((tag) => customElements.get(tag))).to.deep.equal([]);
    expect(
      performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/lean-qr/')),
      'the QR code library',
    ).to.deep.equal([]);

    await submitLogin(login, await createTemporaryUser(), 'TempPassw0rd!');
    await waitUntil(() => login.querySelector('cognito-new-password form'), 'no step', { timeout: 10_000 });
    expect(fetchedSteps()).to.deep.equal(['cognito-new-password']);
    // The step arrived after the change of state: it still gets the focus (its first field).
    const first = login.querySelector('cognito-new-password input[autocomplete="new-password"]');
    await waitUntil(() => document.activeElement === first, 'focus did not reach the step');
    expect(login.querySelector('[part~="loading"]'), 'the loading status is gone').to.equal(null);
  });

  it('a step that cannot load says why, offers a reload and Back; Back keeps the email', async () => {
    await serve('refuse', ['/src/elements/cognito-reset-password.']);
    const login = await loginFixture();
    await submitLogin(login, 'reset@example.com', 'Passw0rd!');

    await waitUntil(() => login.querySelector('[part~="back"]'), 'no way out offered', { timeout: 10_000 });
    expect(alertText(login)).to.equal(
      'This step could not be loaded. Check your connection, then reload the page and sign in again, or go back.',
    );
    expect(login.querySelector('[part~="retry"]')?.textContent?.trim()).to.equal('Reload the page');
    expect(login.getAttribute('state')).to.equal('resetPassword');
    await expect(login).to.be.accessible();

    login.querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await waitUntil(() => login.getAttribute('state') === 'signedOut');
    await login.updateComplete;
    expect(login.querySelector<HTMLInputElement>('input[autocomplete="username"]')!.value).to.equal(
      'reset@example.com',
    );
  });

  it('a step slower than the deadline is reported, and shown when it arrives', async () => {
    await serve('delay', ['/src/elements/cognito-confirm-sign-up.'], 6_000);
    // The deadline is the network actions' (the sign-in's too): long enough for a sign-in on a busy machine.
    const login = await loginFixture({ timeoutMs: 3_000 });
    await submitLogin(login, await createUnconfirmedUser(), 'Passw0rd!');
    await waitUntil(() => login.getAttribute('state') === 'confirmSignUp', 'no step', { timeout: 10_000 });
    expect(login.querySelector('[part~="loading"]')?.textContent?.trim()).to.equal('Loading…');
    await waitUntil(() => alertText(login).startsWith('This step could not be loaded'), 'no deadline', {
      timeout: 10_000,
    });
    await waitUntil(() => login.querySelector('cognito-confirm-sign-up form'), 'never shown', { timeout: 10_000 });
    expect(alertText(login)).to.equal('');
    expect(login.querySelector('[part~="retry"]')).to.equal(null);
  });
});
