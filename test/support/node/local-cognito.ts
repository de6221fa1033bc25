/** Starts a private local Cognito for one Node test file: free port, fresh temp data folder, removed after. */
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

let counter = 0;
/** A unique address per call, so tests never share users. */
export const uniqueEmail = (label: string): string =>
  `${label}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.com`;
