/** The git-ignored file that tells the demo (and anything else) which local pool to use. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { DemoPool } from './demo-pool.js';
import { DataFileError } from './durable-file.js';

export const POOL_CONFIG_FILE = 'demo-pool.json';

/**
 * Writes the file atomically (Vite reads it while it may be being written) and returns its path. Synchronous, as
 * its callers are start-up scripts; it is rewritten from the service on every start, so no flush is needed.
 */
export function writePoolConfig(dataDir: string, pool: DemoPool): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, POOL_CONFIG_FILE);
  writeFileAtomic.sync(file, `${JSON.stringify(pool, null, 2)}\n`);
  return file;
}

export function readPoolConfig(dataDir: string): DemoPool | undefined {
  const file = join(dataDir, POOL_CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoPool;
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message})`);
  }
}
