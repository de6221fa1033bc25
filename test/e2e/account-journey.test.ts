/**
 * The account journey in the demo pages, as a newcomer takes it in the browser alone: create an account, read the
 * code from the page's local inbox, signed in; sign out; forgot password, the code from the inbox, a new password,
 * signed in. And the inbox is a development aid only: absent when the demo is set up for a real user pool.
 * Needs `npm run build` first (the plain page loads dist/cognito-elements.js from a static server).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  codeFromInbox,
  localInbox,
  signedInAs,
  signIn,
  startE2E,
  uniqueEmail,
  waitForState,
  withScreenshotOnFailure,
  type E2E,
} from '../support/node/e2e.js';

interface Demo {
  readonly name: string;
  url(e2e: E2E): string;
  /** What the page itself shows once signed in with this reason (its own reaction, not the elements'). */
  readonly reacts: (page: Page, email: string, reason: 'sign-up' | 'password-reset') => Promise<void>;
  /** What the page shows after the sign-out. */
  readonly signedOut?: (page: Page) => Promise<void>;
}

const DEMOS: Demo[] = [
  {
    name: 'main demo (Vite)',
    url: (e) => `${e.viteUrl}/`,
    reacts: async (page, email, reason) => {
      // The event log shows what happened; the session and the protected API work for the new account.
      const event = reason === 'sign-up' ? 'cognito-account-created' : 'cognito-password-reset';
      await page.locator('#event-log li').filter({ hasText: event }).filter({ hasText: email }).first().waitFor();
      await page
        .locator('#event-log li')
        .filter({ hasText: 'cognito-signed-in' })
        .filter({ hasText: `"reason":"${reason}"` })
        .first()
        .waitFor();
      assert.equal(await page.locator('#demo-users').isVisible(), false, 'the demo users are a signed-out hint');
      await page.locator('#call-api').click();
      await page.locator('#api-result').filter({ hasText: /^200 / }).waitFor();
      assert.match(
        (await page.locator('#api-result').textContent()) ?? '',
        new RegExp(`"email":"${email.replace(/[.]/g, '\\.')}"`),
      );
    },
    signedOut: async (page) => {
      await page.locator('#demo-users').waitFor();
      assert.equal(await page.locator('#api-result').textContent(), '', 'no API answer left for the next user');
    },
  },
  {
    name: 'plain HTML (static server, built bundle)',
    url: (e) => `${e.staticUrl}/demo/plain.html`,
    reacts: async (page, email, reason) => {
      await page
        .locator('#greeting')
        .filter({ hasText: `Hello, ${email}! (${reason})` })
        .waitFor();
    },
  },
  ...(['vue', 'react', 'svelte'] as const).map((framework) => ({
    name: `${framework} demo`,
    url: (e: E2E) => `${e.viteUrl}/demo/${framework}.html`,
    reacts: async (page: Page, email: string, reason: string) => {
      await page
        .locator('.greeting')
        .filter({ hasText: `Hello, ${email}!` })
        .waitFor();
      await page
        .locator('.log li')
        .first()
        .filter({ hasText: `signed in: ${email} (${reason})` })
        .waitFor();
    },
    signedOut: async (page: Page) => {
      await page.locator('.log li').first().filter({ hasText: 'signed out (user)' }).waitFor();
      assert.equal(await page.locator('.greeting').textContent(), '');
    },
  })),
];

let e2e: E2E;
before(async () => {
  assert.ok(existsSync('dist/cognito-elements.js'), 'run npm run build first (npm run test:e2e does)');
  e2e = await startE2E();
});
after(async () => {
  await e2e?.stop();
});

/** Watches a page for errors and CSP violations. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused|Trusted/i.test(message.text()))
      problems.push(message.text());
  });
  return problems;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

describe('create an account and reset its password, with the codes from the local inbox', () => {
  for (const demo of DEMOS) {
    test(demo.name, async () => {
      const context: BrowserContext = await e2e.browser.newContext({
        locale: 'en-US',
        viewport: { width: 1000, height: 1200 },
      });
      const pages: Page[] = [];
      try {
        await withScreenshotOnFailure(
          `journey-${demo.name}`,
          () => pages,
          async () => {
            const page = await context.newPage();
            pages.push(page);
            const problems = watch(page);
            const email = uniqueEmail('journey');
            await page.goto(demo.url(e2e));
            await page.locator('cognito-authenticator cognito-login form').waitFor();
            await localInbox(page).getByRole('heading', { name: 'Local inbox — development only' }).waitFor();

            // Create an account.
            await page.getByRole('link', { name: 'Create an account' }).click();
            await heading(page, 'Create an account').waitFor();
            assert.equal(await page.locator('cognito-login').count(), 0, 'one screen at a time');
            const signUp = page.locator('cognito-sign-up');
            await signUp.locator('input[autocomplete="username"]').fill(email);
            await signUp.locator('input[name="new-password"]').fill('Acc0unt-Passw0rd!');
            await signUp.locator('input[name="confirm-password"]').fill('Acc0unt-Passw0rd!');
            await signUp.getByRole('button', { name: 'Create account' }).click();

            // The code step, and the code in the local inbox: the newest row, to this address, for the sign-up.
            await heading(page, 'Confirm your account').waitFor();
            await page.getByText(/^We sent a code to .+\. Enter it to finish creating your account\.$/).waitFor();
            const signUpCode = await codeFromInbox(page, email, 'Confirm sign-up');
            assert.match(signUpCode, /^\d{6}$/);
            const newest = localInbox(page).locator('tbody tr').first();
            assert.match(
              (await newest.textContent()) ?? '',
              new RegExp(`${email.replace(/[.]/g, '\\.')}.*Confirm sign-up.*${signUpCode}`),
              'newest first',
            );
            await page.locator('input[autocomplete="one-time-code"]').fill(signUpCode);
            await page.getByRole('button', { name: 'Confirm and sign in' }).click();

            // Signed in as the new account.
            await signedInAs(page, email).waitFor();
            assert.equal(await page.locator('cognito-authenticator form').count(), 0, 'no form left once signed in');
            await demo.reacts(page, email, 'sign-up');

            // Sign out: back to the sign-in screen.
            await page.locator('cognito-session [part~="sign-out-button"]').first().click();
            await waitForState(page, 'signedOut');
            await page.locator('cognito-authenticator cognito-login form').waitFor();
            await demo.signedOut?.(page);

            // Forgot password: the email, then the code from the inbox and a new password.
            await page.getByRole('link', { name: 'Forgot your password?' }).click();
            await heading(page, 'Forgot your password?').waitFor();
            const forgot = page.locator('cognito-forgot-password');
            await forgot.locator('input[autocomplete="username"]').fill(email);
            await forgot.getByRole('button', { name: 'Send code' }).click();
            await heading(page, 'Reset your password').waitFor();
            await page
              .getByText(`If an account exists for ${email}, we sent a code to it.`, { exact: false })
              .waitFor();
            const resetCode = await codeFromInbox(page, email, 'Reset password');
            assert.match(resetCode, /^\d{6}$/);
            const reset = page.locator('cognito-reset-password');
            await reset.locator('input[autocomplete="one-time-code"]').fill(resetCode);
            await reset.locator('input[name="new-password"]').fill('Res3t-Passw0rd!');
            await reset.locator('input[name="confirm-password"]').fill('Res3t-Passw0rd!');
            await reset.getByRole('button', { name: 'Set password and sign in' }).click();

            // Signed in with the new password.
            await signedInAs(page, email).waitFor();
            await demo.reacts(page, email, 'password-reset');
            assert.deepEqual(problems, [], 'no page errors, no CSP violations');
          },
        );
      } finally {
        await context.close();
      }
    });
  }

  test('main demo: the new password is the one that signs in afterwards', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    const pages: Page[] = [];
    try {
      await withScreenshotOnFailure(
        'journey-new-password-signs-in',
        () => pages,
        async () => {
          const page = await context.newPage();
          pages.push(page);
          const email = uniqueEmail('reset-then-sign-in');
          await e2e.service.call('AdminCreateUser', {
            UserPoolId: e2e.service.demo!.userPoolId,
            Username: email,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
            ],
          });
          await e2e.service.call('AdminSetUserPassword', {
            UserPoolId: e2e.service.demo!.userPoolId,
            Username: email,
            Password: 'Old-Passw0rd!',
            Permanent: true,
          });
          await page.goto(`${e2e.viteUrl}/`);
          await page.getByRole('link', { name: 'Forgot your password?' }).click();
          await page.locator('cognito-forgot-password input[autocomplete="username"]').fill(email);
          await page.getByRole('button', { name: 'Send code' }).click();
          const code = await codeFromInbox(page, email, 'Reset password');
          await page.locator('input[autocomplete="one-time-code"]').fill(code);
          await page.locator('cognito-reset-password input[name="new-password"]').fill('N3w-Passw0rd!');
          await page.locator('cognito-reset-password input[name="confirm-password"]').fill('N3w-Passw0rd!');
          await page.getByRole('button', { name: 'Set password and sign in' }).click();
          await signedInAs(page, email).waitFor();
          await page.locator('cognito-session [part~="sign-out-button"]').first().click();
          await waitForState(page, 'signedOut');

          await signIn(page, email, 'Old-Passw0rd!');
          await page.locator('cognito-login [role="alert"]').filter({ hasText: /\S/ }).waitFor();
          assert.equal(await signedInAs(page, email).count(), 0, 'the old password no longer signs in');
          await signIn(page, email, 'N3w-Passw0rd!');
          await signedInAs(page, email).waitFor();
        },
      );
    } finally {
      await context.close();
    }
  });
});

describe('the local inbox', () => {
  test('main demo: in Japanese with the rest of the page, and the Refresh button asks again', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(`${e2e.viteUrl}/`);
      const inbox = localInbox(page);
      await inbox.getByRole('heading', { name: 'Local inbox — development only' }).waitFor();
      assert.deepEqual(await inbox.locator('.local-inbox-messages thead th').allTextContents(), [
        'To',
        'For',
        'Code',
        'Expires',
      ]);
      await inbox.getByRole('heading', { name: 'Authenticator app codes (TOTP)' }).waitFor();
      assert.deepEqual(await inbox.locator('.local-inbox-totp-codes thead th').allTextContents(), [
        'User',
        'User pool',
        'Code',
        'Changes in',
      ]);
      // The demo users' codes of this start are there (the service sends them fresh on every start).
      await inbox
        .locator('tbody tr')
        .filter({ hasText: 'unconfirmed@example.com' })
        .filter({ hasText: 'Confirm sign-up' })
        .first()
        .waitFor();

      await page.locator('[data-lang="ja"]').click();
      await inbox.getByRole('heading', { name: 'ローカル受信箱 — 開発用' }).waitFor();
      assert.deepEqual(await inbox.locator('.local-inbox-messages thead th').allTextContents(), [
        '宛先',
        '用途',
        'コード',
        '有効期限',
      ]);
      await inbox.getByRole('heading', { name: '認証アプリのコード(TOTP)' }).waitFor();
      assert.deepEqual(await inbox.locator('.local-inbox-totp-codes thead th').allTextContents(), [
        'ユーザー',
        'ユーザープール',
        'コード',
        '残り',
      ]);
      await inbox
        .locator('.local-inbox-totp-left')
        .filter({ hasText: /^\d+ 秒$/ })
        .first()
        .waitFor();
      await inbox
        .locator('tbody tr')
        .filter({ hasText: 'reset@example.com' })
        .filter({ hasText: 'パスワードの再設定' })
        .first()
        .waitFor();
      assert.equal((await inbox.getByRole('button').textContent())?.trim(), '更新');

      // A code sent by someone else (no event on this page) appears on Refresh.
      const email = uniqueEmail('refresh');
      await e2e.service.call('SignUp', {
        ClientId: e2e.service.demo!.userPoolClientId,
        Username: email,
        Password: 'Passw0rd!',
      });
      await inbox.getByRole('button', { name: '更新' }).click();
      const code = await codeFromInbox(page, email, 'アカウント登録の確認');
      assert.equal(code, e2e.service.outbox.latestCode(email));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('what the service sends is shown as text, never as markup', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const problems = watch(page);
      // A hostile answer: markup in every field.
      await page.route('**/_local/messages', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
          body: JSON.stringify([
            {
              at: '2030-01-01T00:00:00.000Z',
              kind: '<b>kind</b>',
              destination: '<img src=x onerror=alert(1)>',
              code: '<i>123</i>',
              expiresAt: 'soon',
            },
          ]),
        }),
      );
      await page.route('**/_local/totp', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
          body: JSON.stringify([
            {
              userPoolId: '<b>pool</b>',
              username: 'x',
              email: '<img src=y onerror=alert(2)>',
              code: '<i>654321</i>',
              secondsLeft: 20,
            },
          ]),
        }),
      );
      await page.goto(`${e2e.viteUrl}/`);
      const row = localInbox(page).locator('tbody tr').first();
      await row.waitFor();
      const totpRow = localInbox(page).locator('.local-inbox-totp-codes tbody tr').first();
      await totpRow.waitFor();
      assert.equal(await totpRow.locator('.local-inbox-to').textContent(), '<img src=y onerror=alert(2)>');
      assert.equal(await totpRow.locator('.local-inbox-totp-pool').textContent(), '<b>pool</b>');
      assert.equal(await totpRow.locator('.local-inbox-code').textContent(), '<i>654321</i>');
      assert.equal(await row.locator('.local-inbox-to').textContent(), '<img src=x onerror=alert(1)>');
      assert.equal(await row.locator('.local-inbox-code').textContent(), '<i>123</i>');
      assert.equal(await row.locator('.local-inbox-kind').textContent(), '<b>kind</b>');
      assert.equal(await localInbox(page).locator('img, b, i').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe('the local inbox is absent against a real user pool', () => {
  test('main demo, as npm start serves it with .env.local naming a real pool', async () => {
    const real = await e2e.viteWithRealPool({
      VITE_COGNITO_USER_POOL_ID: 'ap-northeast-1_AbCdEf123',
      VITE_COGNITO_CLIENT_ID: 'abcdefghijklmnopqrstuvwxyz',
    });
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      // Nothing may reach AWS from a test.
      await page.route('https://*.amazonaws.com/**', (route) => route.abort());
      await page.goto(`${real.url}/`);
      await page.locator('cognito-authenticator cognito-login form').waitFor();
      await page.locator('#pool dd').filter({ hasText: 'ap-northeast-1_AbCdEf123' }).waitFor();
      await page.locator('#pool dd').filter({ hasText: 'your environment (.env.local)' }).waitFor();
      // Longer than the inbox's refresh interval.
      await page.waitForLoadState('networkidle');
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(await localInbox(page).count(), 0, 'no inbox panel');
      assert.doesNotMatch(
        await page.locator('body').innerText(),
        /local inbox|_local/i,
        'nothing on screen speaks of it',
      );
      assert.equal(await page.locator('#demo-users').isVisible(), false, 'no demo users of the local pool');
      assert.deepEqual(
        asked.filter((url) => /_local\/|local-inbox\.css/.test(url)),
        [],
        'nothing of the inbox is even loaded',
      );
    } finally {
      await context.close();
      await real.close();
    }
  });

  test('plain HTML, with the attributes of a real pool (no endpoint)', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await page.route('https://*.amazonaws.com/**', (route) => route.abort());
      await page.route('**/demo/plain.html', async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const local =
          /<cognito-authenticator user-pool-id="local_CognitoElementsDemo" client-id="cognitoelementsdemo0client" endpoint="[^"]+">/;
        assert.match(html, local);
        await route.fulfill({
          response,
          body: html.replace(
            local,
            '<cognito-authenticator user-pool-id="ap-northeast-1_AbCdEf123" client-id="abcdefghijklmnopqrstuvwxyz">',
          ),
        });
      });
      await page.goto(`${e2e.staticUrl}/demo/plain.html`);
      await page.locator('cognito-authenticator cognito-login form').waitFor();
      await page.waitForLoadState('networkidle');
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(await localInbox(page).count(), 0, 'no inbox panel');
      assert.deepEqual(
        asked.filter((url) => /_local\/|local-inbox\.css/.test(url)),
        [],
        'nothing of the inbox is even loaded',
      );
    } finally {
      await context.close();
    }
  });
});
