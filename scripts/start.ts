// Why a script: no tool runs the local Cognito service and the Vite dev server as one process that one Ctrl-C stops whole.
/**
 * `npm start`: the local Cognito service and the Vite dev server for the demo, in one process, so Ctrl-C stops
 * both and leaves nothing behind. With VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID set (environment or
 * .env.local) no local service starts and the demo uses that pool.
 * LOCAL_COGNITO_PORT (default 9229) and LOCAL_COGNITO_DATA (default .local-cognito) move the local service.
 */
import { createServer, loadEnv } from 'vite';
import {
  DataFileError,
  DEMO_MFA_ON_POOL_ID,
  demoUserLines,
  startLocalCognito,
  type LocalCognito,
} from '../local-cognito/src/index.js';
import { readPoolConfig, writePoolConfig } from '../local-cognito/src/pool-config.js';

const DATA_DIR = process.env['LOCAL_COGNITO_DATA'] ?? '.local-cognito';
const env = loadEnv('development', process.cwd(), 'VITE_');
const realPool = env['VITE_COGNITO_USER_POOL_ID'] && env['VITE_COGNITO_CLIENT_ID'];
const out = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Why the user pool settings cannot be used, or undefined. The shapes are those Cognito documents for
 * UserPoolId (`[\w-]+_[0-9a-zA-Z]+`, up to 55 characters) and ClientId (`[\w+]+`, up to 128); ids made of X's
 * are the placeholders of .env.example, copied but not filled in. Without this check the demo started "with the
 * user pool ap-northeast-1_XXXXXXXXX" and every sign-in failed.
 */
function poolSettingsProblem(poolId: string, clientId: string): string | undefined {
  const problems: string[] = [];
  const placeholder = (id: string) => /^x+$/i.test(id);
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(poolId) || poolId.length > 55)
    problems.push(`VITE_COGNITO_USER_POOL_ID=${poolId} is not a user pool id (like ap-northeast-1_AbCdEf123)`);
  else if (placeholder(poolId.slice(poolId.indexOf('_') + 1)))
    problems.push(`VITE_COGNITO_USER_POOL_ID=${poolId} is the placeholder of .env.example`);
  if (!/^[\w+]+$/.test(clientId) || clientId.length > 128)
    problems.push(`VITE_COGNITO_CLIENT_ID=${clientId} is not an app client id`);
  else if (placeholder(clientId))
    problems.push(`VITE_COGNITO_CLIENT_ID=${clientId} is the placeholder of .env.example`);
  return problems.length ? problems.join('\n') : undefined;
}

if (realPool) {
  const problem = poolSettingsProblem(env['VITE_COGNITO_USER_POOL_ID']!, env['VITE_COGNITO_CLIENT_ID']!);
  if (problem) {
    process.stderr.write(
      `${problem}\n` +
        'To use the local Cognito service instead, remove .env.local (or those two lines of it, and unset them in your ' +
        'environment). To use your own pool, put its real user pool id and app client id there.\n',
    );
    process.exit(1);
  }
}

let service: LocalCognito | undefined;
let banner: string[];
/** Lines printed after the demo's URL is known (it is the Vite server's). */
let afterUrl: (url: string) => string[] = () => [];

if (realPool) {
  banner = [
    `Cognito: the user pool ${env['VITE_COGNITO_USER_POOL_ID']} from your environment (.env.local); no local service.`,
  ];
} else {
  const port = Number(process.env['LOCAL_COGNITO_PORT'] ?? 9229);
  const started = performance.now();
  try {
    service = await startLocalCognito({ dataDir: DATA_DIR, port });
    writePoolConfig(DATA_DIR, service.demo!);
    banner = [
      `Local Cognito: ${service.url} (ready in ${(performance.now() - started).toFixed(0)} ms, data in ${DATA_DIR}/)`,
    ];
  } catch (error) {
    if (error instanceof DataFileError) {
      process.stderr.write(`Local Cognito did not start. ${error.message}\nTo start over, delete ${DATA_DIR}.\n`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Perhaps `npm run local-cognito` is already running: use it rather than fail.
    const running = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    const pool = readPoolConfig(DATA_DIR);
    if (!running || !pool || new URL(pool.userPoolEndpoint).port !== String(port)) {
      process.stderr.write(
        `Port ${port} is in use by something else. Stop it, or set LOCAL_COGNITO_PORT to another port.\n`,
      );
      process.exit(1);
    }
    banner = [`Local Cognito: using the service already running at ${pool.userPoolEndpoint}`];
  }
  banner.push('Demo users:', ...demoUserLines('  '));
  const endpoint = service?.url ?? readPoolConfig(DATA_DIR)?.userPoolEndpoint ?? '';
  banner.push(
    'Local inbox: the local service sends no email. The codes it would send (sign-up, password reset, email MFA) are',
    `  listed on the demo page, in its "Local inbox — development only" panel, and at ${endpoint}/_local/messages.`,
    '  Create an account with any email address, or use "Forgot your password?", and copy the code from there.',
    '  The panel also shows the code an authenticator app would show for every user with TOTP set up',
    `  (also at ${endpoint}/_local/totp).`,
  );
  afterUrl = (url) => [
    `The pool that requires MFA (${DEMO_MFA_ON_POOL_ID}): ${new URL('/?pool=mfa-on', url).href}`,
    '  (?pool=mfa-on on any demo page; the local inbox links to it too)',
  ];
}

const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
const urls = vite.resolvedUrls?.local ?? [];

out();
out(`cognito-elements demo: ${urls.join(' ')}`);
for (const line of banner) out(line);
if (urls[0]) for (const line of afterUrl(urls[0])) out(line);
out('Press Ctrl-C to stop.');

// The local service finishes its calls and writes before the process exits. process.on, not once: the service's
// file writer (write-file-atomic, through signal-exit) kills the process itself on a signal nobody else listens to.
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await service?.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
