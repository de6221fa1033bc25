/**
 * The demo pages end to end, as a user (and a password manager) meets them: in the system Chromium through
 * playwright-core, against a private local Cognito. Needs `npm run build` first (the plain page loads
 * dist/cognito-elements.js from a static server); `npm run test:e2e` does both.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E, withScreenshotOnFailure, type E2E } from '../support/node/e2e.js';

interface Demo {
  readonly name: string;
  url(e2e: E2E): string;
  /** What the page itself shows once it has heard cognito-signed-in (its own reaction, not the elements'). */
  readonly reacts?: (page: Page, email: string) => Promise<void>;
}

const DEMOS: Demo[] = [
  { name: 'main demo (Vite)', url: (e) => `${e.viteUrl}/` },
  {
    name: 'plain HTML (static server, built bundle)',
    url: (e) => `${e.staticUrl}/demo/plain.html`,
    reacts: async (page, email) => {
      await page.locator('#greeting').filter({ hasText: `Hello, ${email}!` }).waitFor();
    },
  },
  { name: 'plain HTML (Vite)', url: (e) => `${e.viteUrl}/demo/plain.html` },
  ...(['vue', 'react', 'svelte'] as const).map((framework) => ({
    name: `${framework} demo`,
    url: (e: E2E) => `${e.viteUrl}/demo/${framework}.html`,
    // The framework's own view switches on the auth state and shows the user.
    reacts: async (page: Page, email: string) => {
      await page.locator('.greeting').filter({ hasText: `Hello, ${email}!` }).waitFor();
      await page.locator('.log li').filter({ hasText: `signed in: ${email}` }).first().waitFor();
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

const signedInAs = (page: Page, email: string) => page.locator('cognito-session [part~="user"]').filter({ hasText: email }).first();
const stateOf = (page: Page, tag: string) => page.locator(tag).first().getAttribute('state');

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('cognito-login input[autocomplete="username"]').fill(email);
  await page.locator('cognito-login input[autocomplete="current-password"]').fill(password);
  await page.locator('cognito-login input[autocomplete="current-password"]').press('Enter');
}

/** Some element of the page reports the state (framework demos show only the login or only the session). */
async function waitForState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => [...document.querySelectorAll('cognito-login, cognito-session')].some((e) => e.getAttribute('state') === s), state);
}

for (const demo of DEMOS) {
  describe(demo.name, () => {
    let context: BrowserContext;
    let pages: Page[] = [];
    const open = async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused/i.test(message.text())) problems.push(message.text());
      });
      (page as Page & { problems: string[] }).problems = problems;
      pages.push(page);
      await page.goto(demo.url(e2e));
      await page.waitForFunction(() => document.querySelector('cognito-login[state="signedOut"], cognito-session[state="signedIn"]') !== null);
      return page;
    };
    const run = (name: string, body: () => Promise<void>) =>
      test(name, async () => {
        context = await e2e.browser.newContext({ viewport: { width: 1000, height: 900 } });
        pages = [];
        try {
          await withScreenshotOnFailure(`${demo.name}-${name}`, () => pages, body);
          for (const page of pages) assert.deepEqual((page as Page & { problems: string[] }).problems, [], 'no page errors, no CSP violations');
        } finally {
          await context.close();
        }
      });

    run('a password manager finds the username and password inputs with a plain querySelector', async () => {
      const page = await open();
      const found = await page.evaluate(() => {
        const username = document.querySelector<HTMLInputElement>('input[autocomplete="username"]');
        const password = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]');
        return { username: username?.type, password: password?.type, sameForm: !!username?.form && username.form === password?.form };
      });
      assert.deepEqual(found, { username: 'email', password: 'password', sameForm: true });
    });

    run('signs in as demo@example.com, the page reacts, a reload restores the session, sign-out ends it', async () => {
      const page = await open();
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await signedInAs(page, 'demo@example.com').waitFor();
      await demo.reacts?.(page, 'demo@example.com');
      assert.equal(await page.locator('cognito-login form').count(), 0);

      await page.reload();
      await waitForState(page, 'signedIn');
      await signedInAs(page, 'demo@example.com').waitFor();

      await page.locator('cognito-session [part~="sign-out-button"]').first().click();
      await waitForState(page, 'signedOut');
      await page.locator('cognito-login form').waitFor();
      assert.equal(await page.locator('cognito-login input[autocomplete="username"]').inputValue(), '');
    });

    run('a first sign-in with a temporary password goes through the new-password step', async () => {
      const email = await e2e.temporaryUser();
      const page = await open();
      await signIn(page, email, 'TempPassw0rd!');
      await page.locator('input[name="new-password"]').waitFor();
      assert.equal(await page.locator('cognito-new-password form').count(), 1);
      assert.equal(await page.locator('cognito-new-password input[autocomplete="username"]').inputValue(), email);
      await page.locator('input[name="new-password"]').fill('N3w-Passw0rd!');
      await page.locator('input[name="confirm-password"]').fill('N3w-Passw0rd!');
      await page.locator('cognito-new-password button[type="submit"]').click();
      await signedInAs(page, email).waitFor();
      await demo.reacts?.(page, email);
    });

    run('two pages of one browser stay in sync: signing out in one signs out the other', async () => {
      const first = await open();
      await signIn(first, 'demo@example.com', 'Passw0rd!');
      await signedInAs(first, 'demo@example.com').waitFor();
      const second = await open();
      await waitForState(second, 'signedIn');

      await first.locator('cognito-session [part~="sign-out-button"]').first().click();
      await waitForState(first, 'signedOut');
      await waitForState(second, 'signedOut');
      assert.equal(await stateOf(second, 'cognito-login'), 'signedOut');

      await signIn(second, 'demo@example.com', 'Passw0rd!');
      await waitForState(first, 'signedIn');
    });
  });
}

describe('offline', () => {
  test('the main demo says it is offline, keeps the email, and signs in once back online', async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.viteUrl}/`);
      await page.locator('cognito-login form').waitFor();
      await context.setOffline(true);
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await page.locator('cognito-login [role="alert"]').filter({ hasText: 'You are offline. Reconnect, then try again.' }).waitFor();
      assert.equal(await page.locator('cognito-login input[autocomplete="username"]').inputValue(), 'demo@example.com');
      await context.setOffline(false);
      await page.locator('cognito-login input[autocomplete="current-password"]').fill('Passw0rd!');
      await page.locator('cognito-login input[autocomplete="current-password"]').press('Enter');
      await signedInAs(page, 'demo@example.com').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the single-file bundle', () => {
  test('loaded twice on one page (two copies, e.g. a bundle and a CDN script), it registers once and throws nothing', async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${e2e.staticUrl}/demo/plain.html`);
      await page.locator('cognito-login form').waitFor();
      await page.addScriptTag({ type: 'module', url: `${e2e.staticUrl}/dist/cognito-elements.js?second-copy` });
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('?second-copy')));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(errors, []);
      assert.equal(await page.locator('cognito-login form').count(), 1);
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await signedInAs(page, 'demo@example.com').waitFor();
    } finally {
      await context.close();
    }
  });
});

// Into test-results/ on every run; `npm run docs:screenshots` writes them to docs/screenshots/ for the README.
const SHOTS = process.env['SCREENSHOTS_DIR'] ?? 'test-results/screenshots';

describe('screenshots for the docs', () => {
  test('the main demo in English and Japanese', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await e2e.browser.newContext({ viewport: { width: 960, height: 760 }, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      for (const lang of ['en', 'ja']) {
        await page.goto(`${e2e.viteUrl}/`);
        await page.locator(`[data-lang="${lang}"]`).click();
        await waitForState(page, 'signedOut');
        await page.screenshot({ path: `${SHOTS}/login-${lang}.png` });
        await signIn(page, 'demo@example.com', 'Passw0rd!');
        await signedInAs(page, 'demo@example.com').waitFor();
        await page.locator('#call-api').click();
        await page.locator('#api-result').filter({ hasText: '200' }).waitFor();
        await page.screenshot({ path: `${SHOTS}/signed-in-${lang}.png` });
        await page.locator('cognito-session [part~="sign-out-button"]').first().click();
        await waitForState(page, 'signedOut');
      }
    } finally {
      await context.close();
    }
  });
});
