/** The git-ignored file that tells the demo (and anything else) which local pool to use. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoPool } from './demo-pool.js';

export const POOL_CONFIG_FILE = 'demo-pool.json';

export function writePoolConfig(dataDir: string, pool: DemoPool): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, POOL_CONFIG_FILE);
  writeFileSync(file, `${JSON.stringify(pool, null, 2)}\n`);
  return file;
}

export function readPoolConfig(dataDir: string): DemoPool | undefined {
  const file = join(dataDir, POOL_CONFIG_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoPool) : undefined;
}
