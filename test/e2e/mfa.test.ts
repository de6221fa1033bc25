/**
 * MFA in the demo pages, as a newcomer tries it in the browser alone: in the pool that requires MFA (?pool=mfa-on)
 * a first sign-in sets up an authenticator app from the QR code's key and signs in with its first code; the next
 * sign-in asks for the app's code, read from the page's local inbox (what the app would show). Plain HTML with
 * the built bundle, and a framework demo.
 * Needs `npm run build` first (the plain page loads dist/cognito-elements.js from a static server).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO_MFA_ON_POOL_ID } from '../../local-cognito/src/demo-pool.js';
import {
  localInbox,
  signedInAs,
  signIn,
  startE2E,
  uniqueEmail,
  waitForState,
  withScreenshotOnFailure,
  type E2E,
} from '../support/node/e2e.js';

let e2e: E2E;
before(async () => {
  assert.ok(existsSync('dist/cognito-elements.js'), 'run npm run build first (npm run test:e2e does)');
  e2e = await startE2E();
});
after(async () => {
  await e2e?.stop();
});

/** A confirmed user of `userPoolId` (password `Passw0rd!`, a verified email) with no factor yet. */
async function confirmedUser(userPoolId: string, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await e2e.service.call('AdminCreateUser', {
    UserPoolId: userPoolId,
    Username: email,
    TemporaryPassword: 'TempPassw0rd!',
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await e2e.service.call('AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: email,
    Password: 'Passw0rd!',
    Permanent: true,
  });
  return email;
}

/** The app's code for `key` as shown on the page (groups of four), `stepsAgo` 30-second steps back. */
const appCode = (key: string, stepsAgo = 0): string =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')) }).generate({
    timestamp: Date.now() - stepsAgo * 30_000,
  });

const DEMOS = [
  { name: 'plain HTML (static server, built bundle)', url: () => `${e2e.staticUrl}/demo/plain.html?pool=mfa-on` },
  { name: 'react demo', url: () => `${e2e.viteUrl}/demo/react.html?pool=mfa-on` },
];

describe('MFA in the demos: set up an authenticator app at first sign-in, then sign in with it', () => {
  for (const demo of DEMOS) {
    test(demo.name, async () => {
      const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 1300 } });
      const pages: Page[] = [];
      try {
        await withScreenshotOnFailure(
          `mfa-${demo.name}`,
          () => pages,
          async () => {
            const page = await context.newPage();
            pages.push(page);
            const problems: string[] = [];
            page.on('pageerror', (error) => problems.push(error.message));
            page.on('console', (message) => {
              if (message.type() === 'error' && /Content Security Policy|Refused|Trusted/i.test(message.text()))
                problems.push(message.text());
            });
            const email = await confirmedUser(DEMO_MFA_ON_POOL_ID, 'mfa');
            await page.goto(demo.url());
            await page.locator('cognito-authenticator cognito-login form').waitFor();

            // First sign-in: the pool requires MFA and the user has none: the setup, with a QR code and the key.
            await signIn(page, email, 'Passw0rd!');
            await page.getByRole('heading', { name: 'Set up your authenticator app', exact: true }).waitFor();
            const qr = page.getByRole('img', { name: `QR code to add ${email} to an authenticator app` });
            await qr.waitFor();
            const box = await qr.boundingBox();
            assert.ok(box && box.width >= 150, `the QR code is large enough to scan (${box?.width ?? 0} px)`);
            const key = ((await page.locator('cognito-mfa [part~="secret"]').textContent()) ?? '').trim();
            assert.match(key, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
            // The previous step's code (the app's clock may lag): the current one stays for the next sign-in.
            await page.locator('cognito-mfa input[autocomplete="one-time-code"]').fill(appCode(key, 1));
            await page.getByRole('button', { name: 'Verify and sign in' }).click();
            await signedInAs(page, email).waitFor();

            // Sign out, sign in again: the app's code, as the local inbox shows it.
            await page.locator('cognito-session [part~="sign-out-button"]').first().click();
            await waitForState(page, 'signedOut');
            await signIn(page, email, 'Passw0rd!');
            await page.getByRole('heading', { name: 'Two-step verification', exact: true }).waitFor();
            const cell = localInbox(page).locator('tr').filter({ hasText: email }).first().locator('.local-inbox-code');
            await cell.waitFor();
            const code = ((await cell.textContent()) ?? '').trim();
            assert.match(code, /^\d{6}$/, `the inbox shows the app's code for ${email}`);
            await page.locator('cognito-mfa input[autocomplete="one-time-code"]').fill(code);
            await page.getByRole('button', { name: 'Verify and sign in' }).click();
            await signedInAs(page, email).waitFor();
            assert.deepEqual(problems, [], 'no page errors, no CSP violations');
          },
        );
      } finally {
        await context.close();
      }
    });
  }
});

const SETTINGS_DEMOS = [
  { name: 'plain HTML (static server, built bundle)', url: () => `${e2e.staticUrl}/demo/plain.html` },
  { name: 'react demo', url: () => `${e2e.viteUrl}/demo/react.html` },
];

describe('MFA settings in the demos: a signed-in user turns an authenticator app on, then off', () => {
  for (const demo of SETTINGS_DEMOS) {
    test(demo.name, async () => {
      const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 1300 } });
      const pages: Page[] = [];
      try {
        await withScreenshotOnFailure(
          `mfa-settings-${demo.name}`,
          () => pages,
          async () => {
            const page = await context.newPage();
            pages.push(page);
            const email = await confirmedUser(e2e.service.demo!.userPoolId, 'settings');
            await page.goto(demo.url());
            await page.locator('cognito-authenticator cognito-login form').waitFor();
            await signIn(page, email, 'Passw0rd!');
            await signedInAs(page, email).waitFor();

            // The settings, signed in: the app is off.
            const settings = page.locator('cognito-mfa-settings');
            await settings.getByRole('heading', { name: 'Two-step verification', exact: true }).waitFor();
            const app = settings.locator('[part~="factor"][data-factor="TOTP"]');
            await app.locator('[part~="factor-state"]').filter({ hasText: 'Off' }).waitFor();

            // Set it up from the key the page shows, with the app's code.
            await app.getByRole('button', { name: 'Set up' }).click();
            await settings.getByRole('img', { name: `QR code to add ${email} to an authenticator app` }).waitFor();
            const key = ((await settings.locator('[part~="secret"]').textContent()) ?? '').trim();
            await settings.locator('input[autocomplete="one-time-code"]').fill(appCode(key));
            await settings.getByRole('button', { name: 'Verify and turn on' }).click();
            await settings
              .getByText('Your authenticator app is set up and is now your preferred second step.', { exact: true })
              .waitFor();
            await app.locator('[part~="factor-state"]').filter({ hasText: 'On, preferred' }).waitFor();
            const user = await e2e.service.call('AdminGetUser', {
              UserPoolId: e2e.service.demo!.userPoolId,
              Username: email,
            });
            assert.deepEqual((user as { UserMFASettingList?: string[] }).UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);

            // Turn it off again: Cognito has no factor left.
            await app.getByRole('button', { name: 'Turn off' }).click();
            await settings.getByText('Authenticator app is off.', { exact: true }).waitFor();
            await app.locator('[part~="factor-state"]').filter({ hasText: 'Off' }).waitFor();
            const after = await e2e.service.call('AdminGetUser', {
              UserPoolId: e2e.service.demo!.userPoolId,
              Username: email,
            });
            assert.deepEqual((after as { UserMFASettingList?: string[] }).UserMFASettingList ?? [], []);
          },
        );
      } finally {
        await context.close();
      }
    });
  }
});
