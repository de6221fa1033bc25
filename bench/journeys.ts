/**
 * `npm run bench:journeys`: the account journeys through the elements in the system Chromium, against a private
 * local Cognito (the e2e harness starts it on 127.0.0.1 with the page servers and the browser, and stops them all).
 * Prints; asserts nothing. ROUNDS runs of each journey (default 5), each with a new user and a new browser context.
 * - sign-up with <cognito-sign-up>: Create account → code step shown; code → cognito-signed-in;
 * - password reset with <cognito-forgot-password>: Send code → code step shown; code and new password → signed in;
 * - sign-in of an unconfirmed account with <cognito-login>: Sign in → code step shown; code → signed in.
 * For each: the Cognito API calls of a run (the service's log, from page load until the network is idle after the
 * sign-in) and the CORS preflights the page sent to the service (its DevTools network events; the log has none).
 * The page is bench/journeys.html on the Vite dev server (the sources, as bench:browser); SERVE=static serves
 * the built bundle instead (run `npm run build` first).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startE2E } from '../test/support/node/e2e.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 5);
const STATIC = process.env['SERVE'] === 'static';
const PASSWORD = 'Bench-Passw0rd!';
const NEW_PASSWORD = 'Bench-Res3t-Passw0rd!';
const CODE_INPUT = 'input[autocomplete="one-time-code"]';

interface Journey {
  readonly name: string;
  readonly element: string;
  /** A new user in the state the journey starts from; its address. */
  setUp(email: string): Promise<void>;
  /** Fills the first form (not timed). */
  fill(page: Page, email: string): Promise<void>;
  /** Which of the outbox's messages carries the code. */
  readonly kind: 'confirm-sign-up' | 'reset-password';
  /** Fills the code step (not timed). */
  fillCode(page: Page, code: string): Promise<void>;
}

interface Run {
  readonly toCode: number;
  readonly toSignedIn: number;
  readonly calls: string[];
  readonly preflights: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const figures = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

const e2e = await startE2E();
const { service } = e2e;
const demo = service.demo!;
const pageUrl = (element: string) =>
  `${STATIC ? e2e.staticUrl : e2e.viteUrl}/bench/journeys.html?${new URLSearchParams({ element, pool: demo.userPoolId, client: demo.userPoolClientId, endpoint: service.url })}`;
let counter = 0;
const newEmail = (label: string) =>
  `bench-${label}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.com`;

const fillPasswords = async (page: Page, password: string) => {
  await page.locator('input[name="new-password"]').fill(password);
  await page.locator('input[name="confirm-password"]').fill(password);
};

const JOURNEYS: Journey[] = [
  {
    name: 'sign-up (<cognito-sign-up>)',
    element: 'cognito-sign-up',
    setUp: async () => undefined,
    fill: async (page, email) => {
      await page.locator('cognito-sign-up input[autocomplete="username"]').fill(email);
      await fillPasswords(page, PASSWORD);
    },
    kind: 'confirm-sign-up',
    fillCode: (page, code) => page.locator(CODE_INPUT).fill(code),
  },
  {
    name: 'password reset (<cognito-forgot-password>)',
    element: 'cognito-forgot-password',
    setUp: async (email) => {
      await service.call('AdminCreateUser', {
        UserPoolId: demo.userPoolId,
        Username: email,
        TemporaryPassword: 'TempPassw0rd!',
        MessageAction: 'SUPPRESS',
      });
      await service.call('AdminSetUserPassword', {
        UserPoolId: demo.userPoolId,
        Username: email,
        Password: PASSWORD,
        Permanent: true,
      });
    },
    fill: (page, email) => page.locator('cognito-forgot-password input[autocomplete="username"]').fill(email),
    kind: 'reset-password',
    fillCode: async (page, code) => {
      await page.locator(CODE_INPUT).fill(code);
      await fillPasswords(page, NEW_PASSWORD);
    },
  },
  {
    name: 'sign-in, unconfirmed account (<cognito-login>)',
    element: 'cognito-login',
    setUp: async (email) => {
      await service.call('SignUp', { ClientId: demo.userPoolClientId, Username: email, Password: PASSWORD });
    },
    fill: async (page, email) => {
      await page.locator('cognito-login input[autocomplete="username"]').fill(email);
      await page.locator('cognito-login input[autocomplete="current-password"]').fill(PASSWORD);
    },
    kind: 'confirm-sign-up',
    fillCode: (page, code) => page.locator(CODE_INPUT).fill(code),
  },
];

/** In the page, on the page's clock: when the code input first appears, and when cognito-signed-in fires. */
function recordMarks(codeInput: string): void {
  const w = window as unknown as { marks: Record<string, number> };
  w.marks = {};
  document.addEventListener('cognito-signed-in', () => (w.marks['signedIn'] ??= performance.now()));
  new MutationObserver(() => {
    if (document.querySelector(codeInput)) w.marks['code'] ??= performance.now();
  }).observe(document, { childList: true, subtree: true });
}
const mark = (page: Page, name: string) =>
  page
    .waitForFunction((n) => (window as unknown as { marks: Record<string, number> }).marks[n], name, {
      timeout: 30_000,
    })
    .then((h) => h.jsonValue() as Promise<number>);
/** Clicks the visible submit button; the page's clock at the click. */
const submit = (page: Page) =>
  page.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button[type="submit"]')].find(
      (b) => b.offsetParent !== null,
    )!;
    const at = performance.now();
    button.click();
    return at;
  });

/** The newest code the service sent to this address for this purpose. */
async function codeFor(email: string, kind: Journey['kind']): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const message = service.outbox
      .messages(email)
      .filter((m) => m.kind === kind)
      .at(-1);
    if (message) return message.code;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${kind} code for ${email}`);
}

async function runOnce(context: BrowserContext, journey: Journey): Promise<Run> {
  const email = newEmail(journey.element.replace('cognito-', ''));
  await journey.setUp(email);
  const page = await context.newPage();
  await page.addInitScript(recordMarks, CODE_INPUT);
  // Preflights: Playwright's request events leave them out; DevTools reports them as requests of their own.
  const cdp = await context.newCDPSession(page);
  let preflights = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.method === 'OPTIONS' && event.request.url.startsWith(service.url)) preflights++;
  });
  await cdp.send('Network.enable');

  const logged = service.requests.length;
  await page.goto(pageUrl(journey.element));
  await page.locator(`${journey.element} form`).waitFor();
  await journey.fill(page, email);
  const submitted = await submit(page);
  const codeShown = await mark(page, 'code');
  const code = await codeFor(email, journey.kind);
  await journey.fillCode(page, code);
  const codeSubmitted = await submit(page);
  const signedIn = await mark(page, 'signedIn');
  await page.waitForLoadState('networkidle'); // calls made after the event still count
  const calls = service.requests
    .slice(logged)
    .map((r) => (r.status === 200 ? r.target : `${r.target} (${r.status} ${r.error ?? ''})`));
  await cdp.detach();
  await page.close();
  return { toCode: codeShown - submitted, toSignedIn: signedIn - codeSubmitted, calls, preflights };
}

const results = new Map<Journey, Run[]>(JOURNEYS.map((j) => [j, []]));
try {
  // Once, unmeasured: the dev server prepares its modules on the first load.
  const warm = await e2e.browser.newContext();
  await (await warm.newPage()).goto(pageUrl('cognito-login'));
  await warm.close();
  for (let round = 0; round < ROUNDS; round++) {
    for (const journey of JOURNEYS) {
      const context = await e2e.browser.newContext({ locale: 'en-US' });
      try {
        results.get(journey)!.push(await runOnce(context, journey));
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await e2e.stop();
}

console.log(
  `Account journeys in headless Chromium against the local service (${STATIC ? 'built bundle, static server' : 'sources, Vite dev server'}), ${ROUNDS} runs each, each with a new user and browser context`,
);
for (const [journey, runs] of results) {
  console.log(`\n${journey.name}`);
  console.log(`  submit → code step shown:       ${figures(runs.map((r) => r.toCode))}`);
  console.log(`  code submit → cognito-signed-in: ${figures(runs.map((r) => r.toSignedIn))}`);
  const lists = new Map<string, number>();
  for (const run of runs) {
    const key = `${run.calls.length} Cognito calls: ${run.calls.join(', ')}`;
    lists.set(key, (lists.get(key) ?? 0) + 1);
  }
  for (const [list, times] of lists)
    console.log(`  ${list}${lists.size > 1 ? ` (${times} of ${runs.length} runs)` : ''}`);
  console.log(`  CORS preflights: ${runs.map((r) => r.preflights).join(', ')} (per run)`);
}
