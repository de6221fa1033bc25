/**
 * End-to-end harness: a private local Cognito, the demo pages served two ways — by the Vite dev server (as
 * `npm start` does) and by a plain static file server (as any host would serve the built files) — and the system
 * Chromium driven by playwright-core. Everything binds to 127.0.0.1 and stops with the test file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { startLocalCognito, type LocalCognito } from '../../../local-cognito/src/index.js';
import { writePoolConfig } from '../../../local-cognito/src/pool-config.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

export interface E2E {
  readonly service: LocalCognito;
  readonly browser: Browser;
  /** Base URL of the Vite dev server (the demo as `npm start` serves it). */
  readonly viteUrl: string;
  /** Base URL of a plain static file server of the repository (no Vite: built files only). */
  readonly staticUrl: string;
  /** A user with a temporary password (FORCE_CHANGE_PASSWORD) in the demo pool. */
  temporaryUser(): Promise<string>;
  /**
   * Another Vite dev server of the demo, set up as `npm start` is with .env.local naming a real user pool (these
   * VITE_COGNITO_* settings): no local service in its configuration. Stopped by `close()`, or with the rest.
   */
  viteWithRealPool(env: Record<string, string>): Promise<{ readonly url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves the repository as files. The demo pages name the local service's default port; this run's differs. */
function staticServer(root: string, serviceUrl: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      let body: Buffer | string = readFileSync(file);
      if (extname(file) === '.html') body = body.toString('utf8').replaceAll('http://127.0.0.1:9229', serviceUrl);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let counter = 0;

export async function startE2E(): Promise<E2E> {
  const executablePath = findChromium(); // before anything starts: no browser, nothing to stop
  const dataDir = mkdtempSync(join(tmpdir(), 'cognito-e2e-'));
  const service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
  writePoolConfig(dataDir, service.demo!);

  // The Vite dev server reads the pool from LOCAL_COGNITO_DATA, as under `npm start`.
  process.env['LOCAL_COGNITO_DATA'] = dataDir;
  const { createServer: createVite } = await import('vite');
  const vite: ViteDevServer = await createVite({
    configFile: 'vite.config.ts',
    server: { port: 0, strictPort: false },
    logLevel: 'error',
  });
  await vite.listen();
  const viteUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');

  const files = await staticServer(process.cwd(), service.url);
  const staticUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const others = new Set<ViteDevServer>();

  return {
    service,
    browser,
    viteUrl,
    staticUrl,
    async temporaryUser() {
      const email = `first-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.com`;
      await service.call('AdminCreateUser', {
        UserPoolId: service.demo!.userPoolId,
        Username: email,
        TemporaryPassword: 'TempPassw0rd!',
        MessageAction: 'SUPPRESS',
      });
      return email;
    },
    async viteWithRealPool(env) {
      // Vite reads VITE_* from the environment when the server is created (as from .env.local), so they are set
      // only for that moment; its own cache folder keeps its dependency optimizer off the first server's.
      const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
      Object.assign(process.env, env);
      let server: ViteDevServer;
      try {
        server = await createVite({
          configFile: 'vite.config.ts',
          cacheDir: join(dataDir, 'vite-real-pool'),
          server: { port: 0, strictPort: false },
          logLevel: 'error',
        });
      } finally {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      await server.listen();
      others.add(server);
      return {
        url: server.resolvedUrls!.local[0]!.replace(/\/$/, ''),
        async close() {
          others.delete(server);
          await server.close();
        },
      };
    },
    async stop() {
      for (const server of others) await server.close();
      await browser.close();
      await new Promise((resolve) => files.close(resolve));
      files.closeAllConnections();
      await vite.close();
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The "Signed in as" of a <cognito-session> that names this user. */
export const signedInAs = (page: Page, email: string) =>
  page.locator('cognito-session [part~="user"]').filter({ hasText: email }).first();

/** The state attribute of the page's first element of this tag. */
export const stateOf = (page: Page, tag: string) => page.locator(tag).first().getAttribute('state');

/** Signs in through <cognito-login>'s form, as a user types it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('cognito-login input[autocomplete="username"]').fill(email);
  await page.locator('cognito-login input[autocomplete="current-password"]').fill(password);
  await page.locator('cognito-login input[autocomplete="current-password"]').press('Enter');
}

/** Some element of the page reports the state (framework demos show only the login or only the session). */
export async function waitForState(page: Page, state: string): Promise<void> {
  await page.waitForFunction(
    (s) => [...document.querySelectorAll('cognito-login, cognito-session')].some((e) => e.getAttribute('state') === s),
    state,
  );
}

/** Runs a test body; on failure saves a screenshot of every open page under test-results/ and rethrows. */
export async function withScreenshotOnFailure(
  name: string,
  pages: () => Page[],
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    mkdirSync('test-results', { recursive: true });
    let i = 0;
    for (const page of pages()) {
      const file = join('test-results', `${name.replace(/[^\w-]+/g, '_')}-${i++}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      process.stderr.write(`screenshot: ${file}\n`);
    }
    throw error;
  }
}

/** An email address no other test uses. */
export const uniqueEmail = (prefix: string) =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.com`;

/** The local inbox panel of a demo page. */
export const localInbox = (page: Page) => page.locator('section.local-inbox');

/**
 * The newest code the page's local inbox shows for `email` and this kind ("Confirm sign-up", "Reset password"),
 * read as a user reads it: the first (newest) row with that address and kind, then its code. Waits for the row.
 */
export async function codeFromInbox(page: Page, email: string, kind: string): Promise<string> {
  const code = localInbox(page)
    .locator('tbody tr')
    .filter({ hasText: email })
    .filter({ hasText: kind })
    .first()
    .locator('.local-inbox-code');
  await code.waitFor();
  return ((await code.textContent()) ?? '').trim();
}
