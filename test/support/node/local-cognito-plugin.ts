/**
 * What the browser test run (web-test-runner.config.mjs) serves besides the tests: a local Cognito service on a
 * free port with a temporary data folder of its own and the fault proxy in front of it, both started with the
 * test server and stopped with it; the demo's protected API; and two endpoints for authFetch tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestRunnerConfig, TestRunnerPlugin } from '@web/test-runner';
import { createProtectedApi, PROTECTED_PATH } from '../../../demo/server/protected-api.js';
import { startLocalCognito, type LocalCognito } from '../../../local-cognito/src/index.js';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';

type Middleware = NonNullable<TestRunnerConfig['middleware']>[number];

export interface LocalCognitoPlugin extends TestRunnerPlugin {
  /** The demo's protected API (`/api/hello`), for authFetch tests; answers once the service runs. */
  readonly protectedApi: Middleware;
}

/**
 * Starts the service and the proxy in serverStart, stops both and removes the data folder in serverStop, and
 * answers what browser tests ask of them (through @web/test-runner-commands' executeServerCommand).
 */
export function localCognitoPlugin(): LocalCognitoPlugin {
  let running:
    | { dataDir: string; service: LocalCognito; proxy: FaultProxy; api: ReturnType<typeof createProtectedApi> }
    | undefined;
  const get = () => {
    if (!running) throw new Error('The local Cognito service is not running.');
    return running;
  };

  return {
    name: 'local-cognito',
    async serverStart() {
      const dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-browser-'));
      let service: LocalCognito | undefined;
      try {
        service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
        // In front of the service, for failures on demand (tests use its URL as the endpoint when they need one).
        const proxy = await startFaultProxy(service.url);
        running = { dataDir, service, proxy, api: createProtectedApi(service.demo!) };
      } catch (error) {
        // A start that failed half-way leaves nothing behind either.
        await service?.close();
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
    async serverStop() {
      if (!running) return;
      const { dataDir, service, proxy } = running;
      running = undefined;
      await proxy.close();
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__local-cognito/config.json') {
        const { service, proxy } = get();
        return { body: JSON.stringify({ ...service.demo, proxyEndpoint: proxy.url }), type: 'application/json' };
      }
      return undefined;
    },
    async executeCommand({ command, payload }) {
      const args = (payload ?? {}) as Record<string, unknown>;
      switch (command) {
        case 'local-cognito:call':
          return get().service.call(String(args['target']), (args['request'] ?? {}) as Record<string, unknown>);
        case 'local-cognito:latest-code':
          return get().service.outbox.latestCode(String(args['destination']), args['source'] as never) ?? null;
        case 'local-cognito:requests':
          return get().service.requests.slice(Number(args['since'] ?? 0));
        case 'fault-proxy:set':
          get().proxy.setFaults((args['faults'] ?? []) as Fault[]);
          return true;
        default:
          return undefined;
      }
    },
    async protectedApi(context, next) {
      if (context.path !== PROTECTED_PATH) return next();
      const answer = await get().api(context.get('authorization') || undefined);
      context.status = answer.status;
      context.body = answer.body;
    },
  };
}

/** `/__test/echo-headers` and `/__test/never-answers`, for tests of what authFetch sends and of its deadlines. */
/** Paths the test server refuses (503) or answers late while a test says so: a module that cannot load in time. */
let refusedPaths: readonly string[] = [];
let delayedPaths: readonly string[] = [];
let delayMs = 0;

export const testEndpoints: Middleware = async (context, next) => {
  // `/__test/refuse?path=…` (fail) and `/__test/delay?path=…&ms=…` (answer late): requests whose path contains
  // one of the given fragments, until a call without any.
  if (context.path === '/__test/refuse' || context.path === '/__test/delay') {
    const query = new URLSearchParams(context.querystring);
    if (context.path === '/__test/refuse') refusedPaths = query.getAll('path');
    else [delayedPaths, delayMs] = [query.getAll('path'), Number(query.get('ms') ?? 0)];
    context.status = 204;
    return;
  }
  if (refusedPaths.some((fragment) => context.path.includes(fragment))) {
    context.status = 503;
    return;
  }
  if (delayedPaths.some((fragment) => context.path.includes(fragment))) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
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
  return next();
};
