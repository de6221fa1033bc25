/**
 * `npm run bench:browser`: figures of the elements in the system Chromium, against a private local Cognito.
 * Prints; asserts nothing. Needs `npm run build` (it uses the e2e harness, which serves the demos).
 * - sign-in with SRP: submit → cognito-signed-in, and the longest main-thread task meanwhile (the SRP math);
 * - restore: page load → the first cognito-auth-change, with the number of Cognito requests (expected: 0);
 * - cross-tab: a sign-in and a sign-out in one page → the event in another page of the same browser.
 */
import { startE2E } from '../test/support/node/e2e.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 8);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms (n=${s.length})`;
};

const e2e = await startE2E();
const context = await e2e.browser.newContext();
const url = `${e2e.viteUrl}/`;
const signIns: number[] = [];
const longTasks: number[] = [];
const restores: number[] = [];
const restoreRequests: number[] = [];
const crossIn: number[] = [];
const crossOut: number[] = [];

try {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const page of [a, b]) {
    await page.addInitScript(() => {
      const w = window as unknown as { marks: Record<string, number>; longest: number };
      w.marks = {};
      w.longest = 0;
      for (const type of ['cognito-signed-in', 'cognito-signed-out', 'cognito-auth-change']) {
        document.addEventListener(type, () => (w.marks[type] ??= Date.now()));
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
  }
  const reset = (page: typeof a) =>
    page.evaluate(
      () => (
        ((window as unknown as { marks: object; longest: number }).marks = {}),
        ((window as unknown as { longest: number }).longest = 0)
      ),
    );
  const mark = (page: typeof a, type: string) =>
    page
      .waitForFunction((t) => (window as unknown as { marks: Record<string, number> }).marks[t], type)
      .then((h) => h.jsonValue() as Promise<number>);

  await a.goto(url);
  await b.goto(url);
  for (let i = 0; i < ROUNDS; i++) {
    await a.bringToFront(); // the user types into the tab in front
    await a.locator('cognito-login form').waitFor();
    await reset(a);
    await reset(b);
    await a.locator('cognito-login input[autocomplete="username"]').fill('demo@example.com');
    await a.locator('cognito-login input[autocomplete="current-password"]').fill('Passw0rd!');
    const submitted = await a.evaluate(() => {
      document.querySelector<HTMLButtonElement>('cognito-login button[type="submit"]')!.click();
      return Date.now();
    });
    signIns.push((await mark(a, 'cognito-signed-in')) - submitted);
    longTasks.push(await a.evaluate(() => (window as unknown as { longest: number }).longest));
    crossIn.push((await mark(b, 'cognito-signed-in')) - (await mark(a, 'cognito-signed-in')));

    // Restore: a reload with a valid session.
    const before = e2e.service.requests.length;
    const started = Date.now();
    await b.reload();
    restores.push((await mark(b, 'cognito-auth-change')) - started);
    restoreRequests.push(e2e.service.requests.length - before);

    await reset(a);
    await reset(b);
    const clicked = await a.evaluate(() => {
      document
        .querySelector('cognito-session')!
        .shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-out-button"]')!
        .click();
      return Date.now();
    });
    const outA = await mark(a, 'cognito-signed-out');
    crossOut.push((await mark(b, 'cognito-signed-out')) - outA);
    void clicked;
  }
} finally {
  await context.close();
  await e2e.stop();
}

console.log(`sign-in (SRP), submit → cognito-signed-in:        ${stats(signIns)}`);
console.log(`  longest main-thread task during it:              ${stats(longTasks)}`);
console.log(
  `restore on reload, load → cognito-auth-change:     ${stats(restores)}; Cognito requests: ${restoreRequests.join(', ')}`,
);
console.log(`other tab hears the sign-in after:                 ${stats(crossIn)}`);
console.log(`other tab hears the sign-out after:                ${stats(crossOut)}`);
