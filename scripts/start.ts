/**
 * `npm start`: the local Cognito service and the Vite dev server for the demo, in one process, so Ctrl-C stops
 * both and leaves nothing behind. With VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID set (environment or
 * .env.local) no local service starts and the demo uses that pool.
 * LOCAL_COGNITO_PORT (default 9229) and LOCAL_COGNITO_DATA (default .local-cognito) move the local service.
 */
import { createServer, loadEnv } from 'vite';
import { DEMO_USERS, startLocalCognito, type LocalCognito } from '../local-cognito/src/index.js';
import { readPoolConfig, writePoolConfig } from '../local-cognito/src/pool-config.js';

const DATA_DIR = process.env['LOCAL_COGNITO_DATA'] ?? '.local-cognito';
const env = loadEnv('development', process.cwd(), 'VITE_');
const realPool = env['VITE_COGNITO_USER_POOL_ID'] && env['VITE_COGNITO_CLIENT_ID'];
const out = (line = '') => process.stdout.write(`${line}\n`);

let service: LocalCognito | undefined;
let banner: string[] = [];

if (realPool) {
  banner = [`Cognito: the user pool ${env['VITE_COGNITO_USER_POOL_ID']} from your environment (.env.local); no local service.`];
} else {
  const port = Number(process.env['LOCAL_COGNITO_PORT'] ?? 9229);
  const started = performance.now();
  try {
    service = await startLocalCognito({ dataDir: DATA_DIR, port });
    writePoolConfig(DATA_DIR, service.demo!);
    banner = [`Local Cognito: ${service.url} (ready in ${(performance.now() - started).toFixed(0)} ms, data in ${DATA_DIR}/)`];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // Perhaps `npm run local-cognito` is already running: use it rather than fail.
    const running = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    const pool = readPoolConfig(DATA_DIR);
    if (!running || !pool || new URL(pool.userPoolEndpoint).port !== String(port)) {
      process.stderr.write(`Port ${port} is in use by something else. Stop it, or set LOCAL_COGNITO_PORT to another port.\n`);
      process.exit(1);
    }
    banner = [`Local Cognito: using the service already running at ${pool.userPoolEndpoint}`];
  }
  banner.push('Demo users:', ...DEMO_USERS.map((u) => `  ${u.email.padEnd(24)} ${u.password.padEnd(14)} ${u.note}`));
}

const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
const urls = vite.resolvedUrls?.local ?? [];

out();
out(`cognito-elements demo: ${urls.join(' ')}`);
for (const line of banner) out(line);
out('Press Ctrl-C to stop.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await service?.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
