// Why a script: no tool takes the README's screenshots (main demo, en/ja, signed out/in) into docs/screenshots/: `npm run docs:screenshots`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { signedInAs, signIn, startE2E, waitForState } from '../test/support/node/e2e.js';

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
  }
  await context.close();
} finally {
  await e2e.stop();
}
