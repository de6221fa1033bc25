// `npm run test:browser` (wtr): the browser tests (@web/test-runner + @open-wc/testing in headless Chromium) against
// a local Cognito service that the run starts on a free port with a data folder of its own, and stops at the end.
// Extra arguments go to wtr (e.g. `-- --files test/browser/smoke/sign-in.test.ts`, `-- --watch`).
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);
const { CHROMIUM_ARGS, findChromium } = await load('./test/support/node/chromium.ts');
const { localCognitoPlugin, testEndpoints } = await load('./test/support/node/local-cognito-plugin.ts');
const { summaryLineReporter } = await load('./test/support/node/summary-reporter.ts');

// Before anything starts, and in one wording for both test runners: a CHROME_PATH that is not there, or no browser.
findChromium();
const localCognito = localCognitoPlugin();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  rootDir: process.cwd(),
  // One file at a time: test pages share one origin, so one localStorage, and each one's sign-ins would reach
  // the others as "another tab".
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  // chrome-launcher finds the browser (CHROME_PATH first). On Ctrl-C, puppeteer would exit at once (130) before
  // the runner stops the local service and removes its folder: the runner handles SIGINT, and puppeteer still
  // kills the browser when the process exits.
  // No cache: every test page fetches the modules it loads (the runner marks them cacheable for a year), so a
  // module a test refuses or delays (/__test/refuse, /__test/delay) is not taken from an earlier page's cache.
  browsers: [
    chromeLauncher({
      launchOptions: { headless: true, args: CHROMIUM_ARGS, handleSIGINT: false },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.setCacheEnabled(false);
        return page;
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(process.cwd(), 'tsconfig.json') }),
    localCognito,
  ],
  middleware: [testEndpoints, localCognito.protectedApi],
  reporters: [defaultReporter(), summaryLineReporter()],
};
