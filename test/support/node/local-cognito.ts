/** The local Cognito for Node tests: in-process (a free port, a fresh temp data folder, removed after) or as the CLI. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCognito, type LocalCognito } from '../../../local-cognito/src/index.js';

export async function startTestService(): Promise<LocalCognito & { dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-test-'));
  const service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
  return {
    ...service,
    dataDir,
    async stop() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A running `npm run local-cognito` (a real child process, so that it can be killed like one). */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/** Every CLI started and not yet exited: for an after() hook that leaves no process behind. */
export const runningClis = new Set<ChildProcessWithoutNullStreams>();

/** Starts the CLI on a free port with `dataDir`; resolves at its ready line (at most 20 s). */
export function startCli(dataDir: string, ...args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    'local-cognito/src/cli.ts',
    '--port',
    '0',
    '--data',
    dataDir,
    ...args,
  ]);
  runningClis.add(child);
  child.once('exit', () => runningClis.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Local Cognito ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1]!, output: () => output });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${signal ?? code}) before ready:\n${output}`));
    });
  });
}
