/**
 * `npm run bench`: figures for the local Cognito service. Prints; asserts nothing.
 * - start-to-ready, cold (empty data folder: key generation, demo pool creation) and warm (existing data);
 * - server-side handler time of the two SRP requests, over sign-ins made by aws-amplify in this process;
 * - writes: AdminCreateUser one at a time and 20 at once (each answer waits for its write to reach the disk).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import { startLocalCognito } from '../local-cognito/src/index.js';

const ROUNDS = Number(process.env['ROUNDS'] ?? 20);
const quiet = { print: () => undefined, port: 0 } as const;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, min ${s[0]!.toFixed(1)} ms (n=${s.length})`;
};

const dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-bench-'));
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  const dir = join(dataDir, `cold-${i}`);
  let t = performance.now();
  await (await startLocalCognito({ ...quiet, dataDir: dir })).close();
  cold.push(performance.now() - t);
  t = performance.now();
  await (await startLocalCognito({ ...quiet, dataDir: dir })).close();
  warm.push(performance.now() - t);
}
console.log(`start-to-ready, cold (new data folder): ${stats(cold)}`);
console.log(`start-to-ready, warm (existing data):   ${stats(warm)}`);

const service = await startLocalCognito({ ...quiet, dataDir: join(dataDir, 'srp') });
Amplify.configure({ Auth: { Cognito: service.demo! } });
console.warn = () => undefined; // Amplify's custom-endpoint notice
const initiate: number[] = [];
const respond: number[] = [];
const client: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const mark = service.requests.length;
  const t = performance.now();
  await signIn({ username: 'demo@example.com', password: 'Passw0rd!' });
  client.push(performance.now() - t);
  const calls = service.requests.slice(mark);
  initiate.push(calls.find((c) => c.target === 'InitiateAuth')!.ms);
  respond.push(calls.find((c) => c.target === 'RespondToAuthChallenge')!.ms);
  await signOut();
}
console.log(`SRP InitiateAuth, server handler:           ${stats(initiate)}`);
console.log(`SRP RespondToAuthChallenge, server handler: ${stats(respond)}`);
console.log(`Amplify signIn() in Node, end to end:       ${stats(client)}`);

const createUser = (name: string) =>
  service.call('AdminCreateUser', {
    UserPoolId: service.demo!.userPoolId,
    Username: `${name}@example.com`,
    TemporaryPassword: 'TempPassw0rd!',
    MessageAction: 'SUPPRESS',
  });
const sequential: number[] = [];
for (let i = 0; i < ROUNDS * 5; i++) {
  const t = performance.now();
  await createUser(`seq-${i}`);
  sequential.push(performance.now() - t);
}
console.log(`AdminCreateUser, one at a time:             ${stats(sequential)}`);
const burst: number[] = [];
for (let round = 0; round < 5; round++) {
  const t = performance.now();
  await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(`burst-${round}-${i}`)));
  burst.push(performance.now() - t);
}
console.log(`20 AdminCreateUser at once, all answered:   ${stats(burst)}`);
await service.close();
rmSync(dataDir, { recursive: true, force: true });
