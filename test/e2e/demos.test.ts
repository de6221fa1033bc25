/**
 * The demo pages end to end, as a user (and a password manager) meets them: in the system Chromium through
 * playwright-core, against a private local Cognito. Needs `npm run build` first (the plain page loads
 * dist/cognito-elements.js from a static server); `npm run test:e2e` does both.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { MFA_ON_POOL, MFA_ON_USER } from '../../demo/shared/local-pools.js';
import {
  DEMO_MFA_ON_CLIENT_ID,
  DEMO_MFA_ON_POOL_ID,
  DEMO_MFA_ON_USERS,
  DEMO_POOL_ID,
} from '../../local-cognito/src/demo-pool.js';
import {
  localInbox,
  signedInAs,
  signIn,
  startE2E,
  stateOf,
  waitForState,
  withScreenshotOnFailure,
  type E2E,
} from '../support/node/e2e.js';

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
      await page
        .locator('#greeting')
        .filter({ hasText: `Hello, ${email}!` })
        .waitFor();
    },
  },
  { name: 'plain HTML (Vite)', url: (e) => `${e.viteUrl}/demo/plain.html` },
  ...(['vue', 'react', 'svelte'] as const).map((framework) => ({
    name: `${framework} demo`,
    url: (e: E2E) => `${e.viteUrl}/demo/${framework}.html`,
    // The framework's own view switches on the auth state and shows the user.
    reacts: async (page: Page, email: string) => {
      await page
        .locator('.greeting')
        .filter({ hasText: `Hello, ${email}!` })
        .waitFor();
      await page
        .locator('.log li')
        .filter({ hasText: `signed in: ${email}` })
        .first()
        .waitFor();
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

for (const demo of DEMOS) {
  describe(demo.name, () => {
    let context: BrowserContext;
    let pages: Page[] = [];
    const open = async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused/i.test(message.text()))
          problems.push(message.text());
      });
      (page as Page & { problems: string[] }).problems = problems;
      pages.push(page);
      await page.goto(demo.url(e2e));
      await page.waitForFunction(
        () => document.querySelector('cognito-login[state="signedOut"], cognito-session[state="signedIn"]') !== null,
      );
      return page;
    };
    const run = (name: string, body: () => Promise<void>) =>
      test(name, async () => {
        context = await e2e.browser.newContext({ viewport: { width: 1000, height: 900 } });
        pages = [];
        try {
          await withScreenshotOnFailure(`${demo.name}-${name}`, () => pages, body);
          for (const page of pages)
            assert.deepEqual((page as Page & { problems: string[] }).problems, [], 'no page errors, no CSP violations');
        } finally {
          await context.close();
        }
      });

    run('a password manager finds the username and password inputs with a plain querySelector', async () => {
      const page = await open();
      const found = await page.evaluate(() => {
        const username = document.querySelector<HTMLInputElement>('input[autocomplete="username"]');
        const password = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]');
        return {
          username: username?.type,
          password: password?.type,
          sameForm: !!username?.form && username.form === password?.form,
        };
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
      assert.equal(await page.locator('cognito-new-password form').count(), 0, 'the new-password step is over');
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
      assert.equal(await stateOf(first, 'cognito-session'), 'signedIn');
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
      await page
        .locator('cognito-login [role="alert"]')
        .filter({ hasText: 'You are offline. Reconnect, then try again.' })
        .waitFor();
      assert.equal(await page.locator('cognito-login input[autocomplete="username"]').inputValue(), 'demo@example.com');
      await context.setOffline(false);
      await page.locator('cognito-login input[autocomplete="current-password"]').fill('Passw0rd!');
      await page.locator('cognito-login input[autocomplete="current-password"]').press('Enter');
      await signedInAs(page, 'demo@example.com').waitFor();
      assert.equal(await stateOf(page, 'cognito-session'), 'signedIn');
    } finally {
      await context.close();
    }
  });
});

describe('the single-file bundle', () => {
  // The pages enforce Trusted Types: a second copy of Lit asks for a second 'lit-html' policy, which the page's
  // policy must allow with 'allow-duplicates' (README, Security notes). import() is not a Trusted Types sink.
  const secondCopy = (page: Page) =>
    page.evaluate(
      (url) =>
        import(url).then(
          () => 'loaded',
          (error: Error) => error.message,
        ),
      `${e2e.staticUrl}/dist/cognito-elements.js?second-copy`,
    );

  test("loaded twice on one page (two copies, e.g. a bundle and a CDN script), it registers once and throws nothing (with 'allow-duplicates')", async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${e2e.staticUrl}/test/e2e/pages/two-copies.html`);
      await page.locator('cognito-login form').waitFor();
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((r) => r.name.endsWith('?second-copy')),
      );
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(errors, []);
      assert.equal(await page.locator('cognito-login form').count(), 1);
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await signedInAs(page, 'demo@example.com').waitFor();
      assert.equal(await stateOf(page, 'cognito-session'), 'signedIn', 'one registration signs in');
    } finally {
      await context.close();
    }
  });

  test("without 'allow-duplicates', the second copy fails on Lit's policy and the first keeps working", async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.staticUrl}/demo/plain.html`);
      await page.locator('cognito-login form').waitFor();
      assert.match(await secondCopy(page), /Policy with name "lit-html" already exists/);
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await signedInAs(page, 'demo@example.com').waitFor();
      assert.equal(await stateOf(page, 'cognito-session'), 'signedIn', 'the first copy still signs in');
    } finally {
      await context.close();
    }
  });
});

/**
 * Serves demo/plain.html with another `trusted-types` directive in its CSP. (A page fulfilled by the test has no
 * address, so Chromium counts it as public and refuses its calls to the loopback service: for rendering only.)
 */
async function withPolicy(page: Page, directive: string): Promise<void> {
  await page.route('**/demo/plain.html', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    assert.ok(html.includes('trusted-types lit-html"'));
    await route.fulfill({ response, body: html.replace('trusted-types lit-html"', `${directive}"`) });
  });
}

describe('Trusted Types (README: Security notes)', () => {
  const POLICY = "require-trusted-types-for 'script'; trusted-types lit-html";
  const pages = [
    { name: 'plain HTML (static server, built bundle)', url: () => `${e2e.staticUrl}/demo/plain.html` },
    { name: 'main demo (Vite)', url: () => `${e2e.viteUrl}/` },
  ];
  for (const { name, url } of pages) {
    test(`${name}: sends the policy the README documents, enforces it, and the elements render and sign in under it`, async () => {
      assert.ok(readFileSync('README.md', 'utf8').includes(POLICY), 'the README documents the policy');
      const context = await e2e.browser.newContext();
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error' && /Trusted ?Type|Content Security Policy|Refused/i.test(message.text()))
            problems.push(message.text());
        });
        await page.goto(url());
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.ok(csp?.endsWith(`; ${POLICY}`), `the page's CSP ends with the policy: ${csp}`);
        // Enforced: a string into an HTML sink is refused.
        const sink = await page.evaluate(() => {
          try {
            document.createElement('div').innerHTML = '<b>x</b>';
            return 'accepted';
          } catch (error) {
            return (error as Error).name;
          }
        });
        assert.equal(sink, 'TypeError');
        await page.locator('cognito-login form').waitFor();
        await signIn(page, 'demo@example.com', 'Passw0rd!');
        await signedInAs(page, 'demo@example.com').waitFor();
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test("with trusted-types 'none' no element renders: Lit's policy is refused", async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await withPolicy(page, "trusted-types 'none'");
      await page.goto(`${e2e.staticUrl}/demo/plain.html`);
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((r) => r.name.endsWith('/dist/cognito-elements.js')),
      );
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await page.locator('cognito-login form').count(), 0);
      assert.ok(
        errors.some((e) => /Policy "lit-html" disallowed/.test(e)),
        errors.join('\n'),
      );
    } finally {
      await context.close();
    }
  });
});

describe('the cloak (README: hiding signed-in content until the script has run)', () => {
  const pages = [
    {
      name: 'plain HTML (static server, built bundle)',
      url: () => `${e2e.staticUrl}/demo/plain.html`,
      script: '**/dist/cognito-elements.js',
    },
    { name: 'main demo (Vite)', url: () => `${e2e.viteUrl}/`, script: '**/demo/main.ts' },
  ];
  for (const { name, url, script } of pages) {
    test(`${name}: while the script is still loading, the signed-in content is not shown`, async () => {
      const context = await e2e.browser.newContext();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      try {
        const page = await context.newPage();
        await page.route(script, async (route) => {
          const response = await route.fetch();
          await held;
          await route.fulfill({ response });
        });
        await page.goto(url(), { waitUntil: 'commit' });
        // Every signed-in child (the page's own words, the MFA settings): none may show.
        const content = page.locator('cognito-session > [slot="signed-in"]');
        const shown = page.locator('cognito-session > [slot="signed-in"]:visible');
        await content.first().waitFor({ state: 'attached' });
        // The page's stylesheets are in, and a frame has been painted, with the script still held back.
        await page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet),
        );
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        assert.equal(await page.evaluate(() => customElements.get('cognito-session')), undefined, 'not defined yet');
        assert.ok((await content.count()) > 0);
        assert.equal(await shown.count(), 0, 'the signed-in content is hidden before the element is defined');

        release();
        await page.locator('cognito-login form').waitFor();
        assert.equal(await shown.count(), 0, 'signed out: still hidden, now by the element');
      } finally {
        release();
        await context.close();
      }
    });
  }
});

describe('the framework demos: ja/en switch and a way back', () => {
  for (const framework of ['vue', 'react', 'svelte'] as const) {
    test(`${framework}: links to the other demos, switches the elements and its own words to Japanese and back, and remembers it`, async () => {
      const context = await e2e.browser.newContext({ locale: 'en-US' });
      try {
        const page = await context.newPage();
        await page.goto(`${e2e.viteUrl}/demo/${framework}.html`);
        await page.locator('cognito-login form').waitFor();
        assert.equal(await page.locator('nav a[href="/"]').count(), 1, 'a link back to the main demo');
        const submit = page.locator('cognito-login button[type="submit"]');
        assert.equal((await submit.textContent())?.trim(), 'Sign in');

        await page.locator('[data-lang="ja"]').click();
        assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
        assert.equal(await page.locator('[data-lang="ja"]').getAttribute('aria-pressed'), 'true');
        await submit.filter({ hasText: 'ログイン' }).waitFor();
        await signIn(page, 'demo@example.com', 'Passw0rd!');
        await page.locator('.greeting').filter({ hasText: 'ようこそ、demo@example.com さん' }).waitFor();
        await page.locator('.log li').filter({ hasText: 'ログイン: demo@example.com' }).waitFor();

        await page.reload();
        await page.locator('.greeting').filter({ hasText: 'ようこそ' }).waitFor();
        assert.equal(
          await page.locator('html').getAttribute('lang'),
          'ja',
          'the language is remembered across a reload',
        );
        await page.locator('[data-lang="en"]').click();
        await page.locator('.greeting').filter({ hasText: 'Hello, demo@example.com!' }).waitFor();
        await page.locator('cognito-session [part~="sign-out-button"]').click();
        await submit.filter({ hasText: 'Sign in' }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      } finally {
        await context.close();
      }
    });
  }
});

describe('the main demo in Japanese', () => {
  test("the event log's times follow the page language, also for entries logged before the switch", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.viteUrl}/`);
      await page.locator('#event-log li').first().waitFor();
      const times = () =>
        page
          .locator('#event-log li > time')
          .evaluateAll((list) => list.map((t) => ({ text: t.textContent, at: (t as HTMLTimeElement).dateTime })));
      const expected = (at: string, lang: string) =>
        page.evaluate(([a, l]) => new Date(a!).toLocaleTimeString(l), [at, lang]);

      const english = await times();
      assert.ok(english.length > 0, 'each entry has a <time>');
      for (const { text, at } of english) assert.equal(text, await expected(at, 'en'));
      assert.match(english[0]!.text ?? '', /[AP]M$/);

      await page.locator('[data-lang="ja"]').click();
      await signIn(page, 'demo@example.com', 'Passw0rd!');
      await signedInAs(page, 'demo@example.com').waitFor();
      const japanese = await times();
      assert.ok(japanese.length > english.length);
      for (const { text, at } of japanese) {
        assert.equal(text, await expected(at, 'ja'));
        assert.doesNotMatch(text ?? '', /AM|PM/);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the main demo: the protected API in English and Japanese', () => {
  test('signed in, the API answers 200 for the ID token; signing out clears the answer', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 960, height: 760 }, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      for (const lang of ['en', 'ja']) {
        await page.goto(`${e2e.viteUrl}/`);
        await page.locator(`[data-lang="${lang}"]`).click();
        await waitForState(page, 'signedOut');
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await stateOf(page, 'cognito-login'), 'signedOut');
        await signIn(page, 'demo@example.com', 'Passw0rd!');
        await signedInAs(page, 'demo@example.com').waitFor();
        await page.locator('#call-api').click();
        const answer = page.locator('#api-result');
        await answer.filter({ hasText: '200' }).waitFor();
        assert.match((await answer.textContent()) ?? '', /^200 \{/);
        await page.locator('cognito-session [part~="sign-out-button"]').first().click();
        await waitForState(page, 'signedOut');
        assert.equal(await answer.textContent(), '');
      }
    } finally {
      await context.close();
    }
  });
});

describe('MFA in the demos, against the local service', () => {
  /** The steps the page's cognito-next-step events named, from now on. */
  const recordSteps = (page: Page) =>
    page.evaluate(() => {
      const steps: string[] = [];
      (window as unknown as { steps: string[] }).steps = steps;
      document.addEventListener('cognito-next-step', (event) => steps.push(event.detail.step));
    });
  const steps = (page: Page) => page.evaluate(() => (window as unknown as { steps: string[] }).steps);

  test("the local inbox shows totp@example.com's current authenticator code, with the seconds left", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 1400 } });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.viteUrl}/`);
      const totp = localInbox(page).getByRole('region', { name: 'Authenticator app codes (TOTP)' });
      await totp.getByText('Development aid: the code an authenticator app').waitFor();
      const row = totp.locator('tbody tr').filter({ hasText: 'totp@example.com' });
      await row.waitFor();
      assert.equal(await row.locator('td').nth(1).textContent(), DEMO_POOL_ID);
      // The code the service computes for the fixed secret, once the page has caught up with the 30-second step.
      let shown = '';
      let expected: string | undefined;
      for (let tries = 0; tries < 10 && shown !== expected; tries++) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 500));
        expected = await e2e.service.totpCode('totp@example.com', DEMO_POOL_ID);
        shown = ((await row.locator('.local-inbox-code').textContent()) ?? '').trim();
      }
      assert.match(shown, /^\d{6}$/);
      assert.equal(shown, expected);
      assert.match((await row.locator('.local-inbox-totp-left').textContent()) ?? '', /^([1-9]|[12]\d|30) s$/);
      // The countdown runs between the service's answers.
      const before = await row.locator('.local-inbox-totp-left').textContent();
      await page.waitForFunction(
        ([text]) => document.querySelector('.local-inbox-totp-left')?.textContent !== text,
        [before],
      );
      // The link to the pool that requires MFA.
      assert.equal(
        await localInbox(page).getByRole('link', { name: 'Try a pool that requires MFA' }).getAttribute('href'),
        '/?pool=mfa-on',
      );
    } finally {
      await context.close();
    }
  });

  test('an email MFA sign-in: its code is in the local inbox as a sign-in code, in English and Japanese', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.viteUrl}/`);
      await page.locator('cognito-login form').waitFor();
      await recordSteps(page);
      await signIn(page, 'email-mfa@example.com', 'Passw0rd!');
      await page.waitForFunction(() => (window as unknown as { steps: string[] }).steps.length > 0);
      assert.deepEqual(await steps(page), ['CONFIRM_SIGN_IN_WITH_EMAIL_CODE']);
      const row = localInbox(page)
        .locator('.local-inbox-messages tbody tr')
        .filter({ hasText: 'email-mfa@example.com' })
        .first();
      await row.locator('.local-inbox-kind').filter({ hasText: 'Sign-in code (MFA)' }).waitFor();
      assert.equal(
        await row.locator('.local-inbox-code').textContent(),
        e2e.service.outbox.latestCode('email-mfa@example.com'),
      );
      await page.locator('[data-lang="ja"]').click();
      await row.locator('.local-inbox-kind').filter({ hasText: 'ログインコード(MFA)' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test("the demo's ids of the pool that requires MFA are the service's", () => {
    assert.deepEqual({ ...MFA_ON_POOL }, { userPoolId: DEMO_MFA_ON_POOL_ID, clientId: DEMO_MFA_ON_CLIENT_ID });
    assert.equal(MFA_ON_USER.email, DEMO_MFA_ON_USERS[0].email);
    assert.equal(MFA_ON_USER.password, DEMO_MFA_ON_USERS[0].password);
  });

  const pages = [
    { name: 'main demo (Vite)', url: () => `${e2e.viteUrl}/?pool=mfa-on` },
    { name: 'plain HTML (static server, built bundle)', url: () => `${e2e.staticUrl}/demo/plain.html?pool=mfa-on` },
    { name: 'plain HTML (Vite)', url: () => `${e2e.viteUrl}/demo/plain.html?pool=mfa-on` },
    ...(['vue', 'react', 'svelte'] as const).map((framework) => ({
      name: `${framework} demo`,
      url: () => `${e2e.viteUrl}/demo/${framework}.html?pool=mfa-on`,
    })),
  ];
  for (const { name, url } of pages) {
    test(`${name}: ?pool=mfa-on uses the pool that requires MFA, where mfa-setup@example.com is asked to set up TOTP`, async () => {
      const context = await e2e.browser.newContext({ locale: 'en-US' });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy|Refused/i.test(message.text()))
            problems.push(message.text());
        });
        await page.goto(url());
        await page.locator('cognito-login form').waitFor();
        if (name.startsWith('main')) await page.locator('#pool dd').filter({ hasText: DEMO_MFA_ON_POOL_ID }).waitFor();
        else
          assert.equal(
            await page
              .locator('cognito-authenticator')
              .evaluate((e) => (e as HTMLElement & { userPoolId: string }).userPoolId),
            DEMO_MFA_ON_POOL_ID,
          );
        // The inbox says which pool this is and links back.
        await localInbox(page).getByText(`the local pool that requires MFA (${DEMO_MFA_ON_POOL_ID})`).waitFor();
        assert.equal(
          new URL(
            (await localInbox(page).getByRole('link', { name: 'Back to the demo pool' }).getAttribute('href'))!,
            url(),
          ).search,
          '',
        );

        await recordSteps(page);
        await signIn(page, MFA_ON_USER.email, MFA_ON_USER.password);
        await page.waitForFunction(() => (window as unknown as { steps: string[] }).steps.length > 0);
        assert.deepEqual(await steps(page), ['CONTINUE_SIGN_IN_WITH_TOTP_SETUP']);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  test("without ?pool=mfa-on, mfa-setup@example.com is not a user of the page's pool", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.viteUrl}/demo/plain.html`);
      await page.locator('cognito-login form').waitFor();
      assert.equal(await page.locator('cognito-authenticator').getAttribute('user-pool-id'), DEMO_POOL_ID);
      await recordSteps(page);
      await signIn(page, MFA_ON_USER.email, MFA_ON_USER.password);
      await page.locator('cognito-login [role="alert"]').filter({ hasText: 'Incorrect email or password.' }).waitFor();
      assert.deepEqual(await steps(page), []);
    } finally {
      await context.close();
    }
  });
});
