/**
 * `npm run test:browser`: the browser tests (@web/test-runner + @open-wc/testing in headless Chromium) against a
 * local Cognito service that this run starts on a free port with a data folder of its own, and stops at the end.
 * Extra arguments go to the test runner (e.g. `-- --files test/browser/smoke/sign-in.test.ts`, `-- --watch`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import {
  chromeLauncher,
  defaultReporter,
  startTestRunner,
  type TestRunner,
  type TestRunnerPlugin,
  type TestSuiteResult,
} from '@web/test-runner';
import { createProtectedApi, PROTECTED_PATH } from '../demo/server/protected-api.js';
import { startLocalCognito, type LocalCognito } from '../local-cognito/src/index.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../test/support/node/fault-proxy.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

let executablePath: string;
try {
  executablePath = findChromium();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-browser-'));
const service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
// In front of the service, for failures on demand (tests use its URL as the endpoint when they need one).
const proxy = await startFaultProxy(service.url);
const protectedApi = createProtectedApi(service.demo!);

/** What browser tests may ask of the service (through @web/test-runner-commands' executeServerCommand). */
function localCognitoPlugin(svc: LocalCognito, faults: FaultProxy): TestRunnerPlugin {
  return {
    name: 'local-cognito',
    serve(context) {
      if (context.path === '/__local-cognito/config.json') {
        return { body: JSON.stringify({ ...svc.demo, proxyEndpoint: faults.url }), type: 'application/json' };
      }
      return undefined;
    },
    async executeCommand({ command, payload }) {
      const args = (payload ?? {}) as Record<string, unknown>;
      switch (command) {
        case 'local-cognito:call':
          return svc.call(String(args['target']), (args['request'] ?? {}) as Record<string, unknown>);
        case 'local-cognito:latest-code':
          return svc.outbox.latestCode(String(args['destination']), args['source'] as never) ?? null;
        case 'local-cognito:requests':
          return svc.requests.slice(Number(args['since'] ?? 0));
        case 'fault-proxy:set':
          faults.setFaults((args['faults'] ?? []) as Fault[]);
          return true;
        default:
          return undefined;
      }
    },
  };
}

const runner = await startTestRunner({
  readFileConfig: false,
  autoExitProcess: false,
  config: {
    files: ['test/browser/**/*.test.ts'],
    nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
    rootDir: process.cwd(),
    // One file at a time: test pages share one origin, so one localStorage, and each one's sign-ins would reach
    // the others as "another tab".
    concurrency: 1,
    testsFinishTimeout: 300_000,
    testFramework: { config: { timeout: 20_000 } },
    browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(process.cwd(), 'tsconfig.json') }), localCognitoPlugin(service, proxy)],
    middleware: [
      // The demo's protected API, for authFetch tests.
      async (context, next) => {
        // Echoes the request headers, for tests of what authFetch sends.
        if (context.path === '/__test/echo-headers') {
          context.body = context.headers;
          return;
        }
        // An API that never answers (for deadlines): held until the browser gives up, at most a minute.
        if (context.path === '/__test/never-answers') {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 60_000);
            context.req.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
          });
          context.status = 504;
          return;
        }
        if (context.path !== PROTECTED_PATH) return next();
        const answer = await protectedApi(context.get('authorization') || undefined);
        context.status = answer.status;
        context.body = answer.body;
      },
    ],
    reporters: [defaultReporter()],
  },
});

/** Counts every test of every file; a file that failed to load counts as one failure. */
function tally(r: TestRunner): { passed: number; failed: number; skipped: number } {
  const count = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite: TestSuiteResult) => {
    for (const t of suite.tests) count[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed'] += 1;
    suite.suites.forEach(walk);
  };
  for (const session of r.sessions.all()) {
    if (session.testResults) walk(session.testResults);
    if (session.errors.length) count.failed += 1;
  }
  return count;
}

async function finish(passed: boolean): Promise<never> {
  if (runner) {
    const { passed: ok, failed, skipped } = tally(runner);
    // The plain closing line CI reads.
    process.stdout.write(`\nbrowser: ${ok} passed, ${failed} failed, ${skipped} skipped\n`);
    if (ok === 0 && failed === 0) passed = false; // a run that ran nothing is no pass
  }
  await proxy.close();
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(passed ? 0 : 1);
}

if (!runner) await finish(false);
runner!.on('stopped', (passed) => void finish(passed));
process.once('SIGINT', () => void runner!.stop());
