// Why a script: no tool takes the README's screenshots (main demo, en/ja: signed out/in, the authenticator's sign-up,
// code and forgot-password screens, and the MFA code and authenticator-app setup) into docs/screenshots/:
// `npm run docs:screenshots`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { localInbox, signedInAs, signIn, startE2E, waitForState } from '../test/support/node/e2e.js';

const OUT = 'docs/screenshots';

// Without a Japanese font Chromium draws boxes (tofu): never put those in the README.
const fonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).stdout ?? '';
if (!fonts.trim()) {
  process.stderr.write('No Japanese font: install one first (Debian: sudo apt-get install fonts-noto-cjk).\n');
  process.exit(1);
}

mkdirSync(OUT, { recursive: true });
const e2e = await startE2E();
try {
  const context = await e2e.browser.newContext({ viewport: { width: 960, height: 760 }, colorScheme: 'light' });
  const page = await context.newPage();
  for (const lang of ['en', 'ja']) {
    await page.goto(`${e2e.viteUrl}/`);
    await page.locator(`[data-lang="${lang}"]`).click();
    await waitForState(page, 'signedOut');
    await page.screenshot({ path: `${OUT}/login-${lang}.png` });
    await signIn(page, 'demo@example.com', 'Passw0rd!');
    await signedInAs(page, 'demo@example.com').waitFor();
    await page.locator('#call-api').click();
    await page.locator('#api-result').filter({ hasText: '200' }).waitFor();
    await page.screenshot({ path: `${OUT}/signed-in-${lang}.png` });
    await page.locator('cognito-session [part~="sign-out-button"]').first().click();
    await waitForState(page, 'signedOut');
    process.stdout.write(`${OUT}/login-${lang}.png, ${OUT}/signed-in-${lang}.png\n`);

    // The authenticator's other screens: the account card alone; the code step with the local inbox beside it.
    const card = page.locator('main > section.card').first();
    const email = lang === 'ja' ? 'hana@example.com' : 'alex@example.com';
    await page.locator('cognito-login a[part~="sign-up-link"]').click();
    const signUp = page.locator('cognito-sign-up');
    await signUp.locator('input[autocomplete="username"]').fill(email);
    await signUp.locator('input[name="new-password"]').fill('Acc0unt-Passw0rd!');
    await signUp.locator('input[name="confirm-password"]').fill('Acc0unt-Passw0rd!');
    await signUp.locator('[part~="rule"]:not([data-met])').waitFor({ state: 'detached' });
    await card.screenshot({ path: `${OUT}/authenticator-sign-up-${lang}.png` });
    await signUp.locator('button[type="submit"]').click();
    await page.locator('cognito-confirm-sign-up input[autocomplete="one-time-code"]').waitFor();
    await localInbox(page).locator('tbody tr').filter({ hasText: email }).waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const [top, bottom] = [(await card.boundingBox())!, (await localInbox(page).boundingBox())!];
    await page.screenshot({
      path: `${OUT}/authenticator-code-${lang}.png`,
      fullPage: true,
      clip: { x: top.x, y: top.y, width: top.width, height: bottom.y + bottom.height - top.y },
    });
    await page.locator('cognito-confirm-sign-up [part~="back"]').click();
    await page.locator('cognito-sign-up a[part~="sign-in-link"]').click();
    await page.locator('cognito-login a[part~="forgot-password-link"]').click();
    await page.locator('cognito-forgot-password input[autocomplete="username"]').fill(email);
    await card.screenshot({ path: `${OUT}/authenticator-forgot-password-${lang}.png` });
    process.stdout.write(
      ['sign-up', 'code', 'forgot-password'].map((screen) => `${OUT}/authenticator-${screen}-${lang}.png`).join(', ') +
        '\n',
    );

    // MFA: the code step of a user with an authenticator app, and the app's setup in the pool that requires MFA.
    await page.locator('cognito-forgot-password a[part~="sign-in-link"]').click();
    await signIn(page, 'totp@example.com', 'Passw0rd!');
    await page.locator('cognito-mfa input[autocomplete="one-time-code"]').waitFor();
    await card.screenshot({ path: `${OUT}/mfa-code-${lang}.png` });
    await page.locator('cognito-mfa [part~="back"]').click();
    await page.goto(`${e2e.viteUrl}/?pool=mfa-on`);
    await page.locator(`[data-lang="${lang}"]`).click();
    await waitForState(page, 'signedOut');
    await signIn(page, 'mfa-setup@example.com', 'Passw0rd!');
    await page.locator('cognito-mfa svg[part~="qr-code"]').waitFor();
    await page.mouse.move(0, 0);
    await card.screenshot({ path: `${OUT}/mfa-totp-setup-${lang}.png` });
    await page.locator('cognito-mfa [part~="back"]').click();
    process.stdout.write(`${OUT}/mfa-code-${lang}.png, ${OUT}/mfa-totp-setup-${lang}.png\n`);
  }
  await context.close();
} finally {
  await e2e.stop();
}
