/**
 * `npm run local-cognito [-- --port N] [--data DIR] [--reset]`: the service alone, in the foreground.
 * Port: --port, else LOCAL_COGNITO_PORT, else 9229. Data: --data, else .local-cognito/ (git-ignored).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataFileError, demoUserLines, startLocalCognito, type LocalCognito } from './index.js';
import { writePoolConfig } from './pool-config.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string', default: '.local-cognito' },
    reset: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(`Usage: npm run local-cognito -- [--port N] [--data DIR] [--reset] [--quiet]
  --port   port on 127.0.0.1 (default: LOCAL_COGNITO_PORT or 9229)
  --data   data folder (default: .local-cognito)
  --reset  delete the data folder first: fresh pool, client, users and keys
  --quiet  do not log each API call
`);
  process.exit(0);
}

const port = Number(values.port ?? process.env['LOCAL_COGNITO_PORT'] ?? 9229);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`Invalid port: ${values.port ?? process.env['LOCAL_COGNITO_PORT']}\n`);
  process.exit(2);
}

export function printBanner(service: LocalCognito, configFile: string, ms: number): void {
  const lines = [
    `Local Cognito ready at ${service.url} in ${ms.toFixed(0)} ms`,
    `  user pool  ${service.demo?.userPoolId}`,
    `  client     ${service.demo?.userPoolClientId}`,
    `  config     ${configFile}`,
    '  demo users:',
    ...demoUserLines('    '),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const started = performance.now();
if (values.reset) rmSync(values.data, { recursive: true, force: true });
try {
  const service = await startLocalCognito({
    dataDir: values.data,
    port,
    ...(values.quiet ? {} : { logRequest: (line: string) => process.stdout.write(`[local-cognito] ${line}\n`) }),
  });
  // Ctrl-C (and a closed terminal) finish the calls under way and wait for their writes before exiting; a second
  // Ctrl-C exits at once, which loses nothing already acknowledged (every file is replaced atomically).
  // process.on, not once: write-file-atomic (through signal-exit) kills the process itself on a signal nobody
  // else listens to, which would cut the shutdown short.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting without waiting for writes under way.\n`);
      process.exit(130);
    }
    stopping = true;
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Local Cognito could not save everything before stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  // Only now: whoever waits for the "ready" line may stop the service at once, and a Ctrl-C that came before the
  // handlers took the default action (the process died without its shutdown; seen in about half of the runs).
  const configFile = writePoolConfig(values.data, service.demo!);
  printBanner(service, configFile, performance.now() - started);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use (is another local Cognito running?). Set LOCAL_COGNITO_PORT or pass --port.\n`
      : error instanceof DataFileError
        ? `Local Cognito did not start. ${error.message}\n` +
          `To start over: npm run local-cognito -- --reset${values.data === '.local-cognito' ? '' : ` --data ${values.data}`} (deletes ${values.data}).\n`
        : `Local Cognito failed to start: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(1);
}
