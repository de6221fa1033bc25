/**
 * The data folder survives what developers do to the service: many writes at once, `kill -9` and Ctrl-C in the
 * middle of writes, and a file it cannot read, which must stop the start without a byte of any file changing.
 * Acknowledged means durable: every user whose AdminCreateUser was answered is in a valid file at that moment.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startLocalCognito } from '../../local-cognito/src/index.js';
import { cognitoCall as api } from '../support/cognito-api.js';
import { runningClis, startCli } from '../support/node/local-cognito.js';

const root = mkdtempSync(join(tmpdir(), 'local-cognito-durability-'));
after(() => {
  for (const child of [...runningClis, ...children]) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Processes started here without startCli (one that must fail to start). */
const children = new Set<ChildProcessWithoutNullStreams>();

let dirs = 0;
const freshDir = () => join(root, `data-${dirs++}`);

async function createPool(url: string, name: string): Promise<string> {
  const created = await api(url, 'CreateUserPool', { PoolName: name });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return (created.body['UserPool'] as { Id: string }).Id;
}

const createUser = (url: string, poolId: string, username: string) =>
  api(url, 'AdminCreateUser', {
    UserPoolId: poolId,
    Username: username,
    TemporaryPassword: 'Temp-Passw0rd1',
    MessageAction: 'SUPPRESS',
  });

/** The users of a pool file as it is on disk; fails the test when the file is not valid JSON. */
function usersOnDisk(dataDir: string, poolId: string): Set<string> {
  const file = join(dataDir, 'db', `${poolId}.json`);
  const text = readFileSync(file, 'utf8');
  let parsed: { Users?: Record<string, unknown> };
  try {
    parsed = JSON.parse(text) as { Users?: Record<string, unknown> };
  } catch {
    assert.fail(`${file} is not valid JSON (${text.length} bytes): ${JSON.stringify(text.slice(-80))}`);
  }
  return new Set(Object.keys(parsed.Users ?? {}));
}

function assertAllPresent(acknowledged: Iterable<string>, present: Set<string>, when: string): void {
  const missing = [...acknowledged].filter((u) => !present.has(u));
  assert.deepEqual(missing, [], `${missing.length} acknowledged users missing ${when}`);
}

/** Every username of a pool, through ListUsers as a client sees it. */
async function usersOf(url: string, poolId: string): Promise<Set<string>> {
  const listed = new Set<string>();
  let token: string | undefined;
  do {
    const page = await api(url, 'ListUsers', {
      UserPoolId: poolId,
      Limit: 60,
      ...(token ? { PaginationToken: token } : {}),
    });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    for (const user of page.body['Users'] as { Username: string }[]) listed.add(user.Username);
    token = page.body['PaginationToken'] as string | undefined;
  } while (token);
  return listed;
}

const exitOf = (child: ChildProcessWithoutNullStreams, ms: number) =>
  new Promise<string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve(child.signalCode ?? String(child.exitCode));
    const timer = setTimeout(() => resolve('still running'), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    });
  });

/**
 * Keeps `width` AdminCreateUser calls in flight until stopped or `enough` were answered; records the answered
 * ones. Calls refused or cut off because the service is going away are expected: they were not acknowledged.
 */
function pumpUsers(url: string, poolId: string, prefix: string, width: number, enough: number) {
  const acknowledged: string[] = [];
  let next = 0;
  let stopped = false;
  let reached: () => void = () => undefined;
  const enoughAnswered = new Promise<void>((resolve) => (reached = resolve));
  const lane = async () => {
    while (!stopped) {
      const username = `${prefix}-${next++}`;
      try {
        const answer = await createUser(url, poolId, username);
        if (answer.status === 503) return; // shutting down: not acknowledged, and the service said so
        if (answer.status !== 200)
          throw new Error(`AdminCreateUser answered ${answer.status} ${JSON.stringify(answer.body)}`);
        acknowledged.push(username);
        if (acknowledged.length >= enough) reached();
      } catch (error) {
        if (error instanceof TypeError) return; // fetch failed: the connection went away
        throw error;
      }
    }
  };
  const lanes = Promise.all(Array.from({ length: width }, lane));
  return {
    acknowledged,
    enoughAnswered,
    /** Stops sending; resolves when no call is in flight any more. */
    stop: async () => {
      stopped = true;
      await lanes;
    },
  };
}

describe('durability of the data folder', () => {
  test(
    '25 concurrent AdminCreateUser, eight rounds: after each round the file is valid and has every user, and a restart keeps them',
    { timeout: 40_000 },
    async () => {
      const dataDir = freshDir();
      // A separate process, as a developer runs it: in-process clients share its event loop and the race hides.
      const first = await startCli(dataDir);
      const poolId = await createPool(first.url, 'concurrent');
      const acknowledged: string[] = [];
      try {
        for (let round = 0; round < 8; round++) {
          const names = Array.from({ length: 25 }, (_, i) => `user-${round}-${i}`);
          const answers = await Promise.all(names.map((n) => createUser(first.url, poolId, n)));
          assert.deepEqual(
            answers.map((a) => a.status),
            names.map(() => 200),
          );
          acknowledged.push(...names);
          assertAllPresent(acknowledged, usersOnDisk(dataDir, poolId), `from the file after round ${round + 1}`);
        }
      } finally {
        first.child.kill('SIGINT');
        await exitOf(first.child, 10_000);
      }
      const again = await startCli(dataDir);
      try {
        assertAllPresent(acknowledged, await usersOf(again.url, poolId), 'after a restart');
      } finally {
        again.child.kill('SIGINT');
        await exitOf(again.child, 10_000);
      }
    },
  );

  test(
    'kill -9 while users are being created: the restart works and every acknowledged user is there',
    { timeout: 60_000 },
    async () => {
      const dataDir = freshDir();
      const acknowledged: string[] = [];
      let poolId = '';
      // Twice: each kill lands at a different point of the writes.
      for (let round = 0; round < 2; round++) {
        const { child, url } = await startCli(dataDir);
        if (round === 0) poolId = await createPool(url, 'killed');
        const pump = pumpUsers(url, poolId, `killed-${round}`, 20, 150);
        await pump.enoughAnswered;
        child.kill('SIGKILL');
        assert.equal(await exitOf(child, 5000), 'SIGKILL');
        await pump.stop();
        acknowledged.push(...pump.acknowledged);
        assertAllPresent(acknowledged, usersOnDisk(dataDir, poolId), `from the file after kill -9 number ${round + 1}`);
      }
      const { child, url } = await startCli(dataDir);
      try {
        assertAllPresent(acknowledged, await usersOf(url, poolId), 'after the restart');
      } finally {
        child.kill('SIGINT');
        await exitOf(child, 5000);
      }
    },
  );

  test(
    'Ctrl-C while users are being created: the calls under way finish, every acknowledged user is in a valid file, the process exits 0',
    { timeout: 30_000 },
    async () => {
      const dataDir = freshDir();
      const { child, url } = await startCli(dataDir);
      const poolId = await createPool(url, 'interrupted');
      const pump = pumpUsers(url, poolId, 'interrupted', 20, 150);
      await pump.enoughAnswered;
      child.kill('SIGINT');
      const exit = await exitOf(child, 10_000);
      await pump.stop();
      assert.equal(exit, '0');
      assertAllPresent(pump.acknowledged, usersOnDisk(dataDir, poolId), 'from the file after Ctrl-C');
    },
  );

  describe('a file the service cannot read stops the start, names the file and changes nothing', () => {
    /** A data folder with the demo pool, a second pool with a user, sessions and a key: every kind of file. */
    async function populated(): Promise<{ dataDir: string; poolFile: string }> {
      const dataDir = freshDir();
      const service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
      const poolId = await createPool(service.url, 'other');
      await createUser(service.url, poolId, 'someone');
      await service.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: service.demo!.userPoolClientId,
        AuthParameters: { USERNAME: 'demo@example.com', PASSWORD: 'Passw0rd!' },
      });
      await service.close();
      return { dataDir, poolFile: join(dataDir, 'db', `${poolId}.json`) };
    }

    function snapshot(dataDir: string): Map<string, string> {
      const files = new Map<string, string>();
      for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile())
          files.set(
            join(entry.parentPath, entry.name),
            readFileSync(join(entry.parentPath, entry.name)).toString('base64'),
          );
      }
      return files;
    }

    const damaged: [string, (dataDir: string, poolFile: string) => string, string][] = [
      ['a pool file cut short', (_d, poolFile) => poolFile, '{"Users": {"some'],
      ['an empty pool file (what a kill during a truncating write leaves)', (_d, poolFile) => poolFile, ''],
      ['the demo pool file', (d) => join(d, 'db', 'local_CognitoElementsDemo.json'), 'garbage'],
      ['clients.json', (d) => join(d, 'db', 'clients.json'), '{"Clients": '],
      ['sessions.json', (d) => join(d, 'sessions.json'), '{"sessions"'],
      ['signing-key.json', (d) => join(d, 'signing-key.json'), 'not a key'],
    ];
    for (const [what, fileOf, content] of damaged) {
      test(what, async () => {
        const { dataDir, poolFile } = await populated();
        const file = fileOf(dataDir, poolFile);
        writeFileSync(file, content);
        const before = snapshot(dataDir);
        const error = await startLocalCognito({ dataDir, port: 0, print: () => undefined }).then(
          (service) => service.close().then(() => undefined),
          (e: unknown) => e as Error,
        );
        assert.ok(error, 'the start is refused');
        assert.ok(error.message.includes(file), `the message names ${file}: ${error.message}`);
        assert.deepEqual(snapshot(dataDir), before, 'no file was changed, created or removed');
      });
    }

    test(
      'npm run local-cognito says which file and what to do, without a stack trace, and exits 1',
      { timeout: 20_000 },
      async () => {
        const { dataDir, poolFile } = await populated();
        writeFileSync(poolFile, '{"Users": {');
        const before = snapshot(dataDir);
        const child = spawn(process.execPath, [
          '--import',
          'tsx',
          'local-cognito/src/cli.ts',
          '--port',
          '0',
          '--data',
          dataDir,
        ]);
        children.add(child);
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        assert.equal(await exitOf(child, 15_000), '1');
        assert.ok(stderr.includes(poolFile), stderr);
        assert.match(stderr, /--reset/);
        assert.doesNotMatch(stderr, /\n\s+at /);
        assert.deepEqual(snapshot(dataDir), before);
      },
    );
  });
});

describe('data format', () => {
  test("files written by cognito-local's StormDB store load unchanged, and are written back byte for byte alike", async () => {
    const { StormDBDataStoreFactory } = await import('cognito-local/lib/services/dataStore/stormDb.js');
    const { JsonFileDataStoreFactory } = await import('../../local-cognito/src/data-store.js');
    const ctx = { logger: { debug: () => undefined, child: () => ctx.logger } } as unknown as Parameters<
      InstanceType<typeof StormDBDataStoreFactory>['create']
    >[0];
    const user = {
      Username: 'someone.else@example.com',
      UserCreateDate: new Date('2026-01-02T03:04:05.678Z'),
      UserLastModifiedDate: new Date('2026-02-03T04:05:06.789Z'),
      Attributes: [{ Name: 'email', Value: 'someone.else@example.com' }],
      Enabled: true,
    };
    const stormDir = freshDir();
    const storm = await new StormDBDataStoreFactory(stormDir).create(ctx, 'local_Format', {
      Users: {},
      Options: { Id: 'local_Format' },
    });
    await storm.set(ctx, ['Users', user.Username], user);
    const written = readFileSync(join(stormDir, 'local_Format.json'), 'utf8');

    const ours = await new JsonFileDataStoreFactory(stormDir).create(ctx, 'local_Format', { Users: {} });
    const loaded = await ours.get<typeof user>(ctx, ['Users', user.Username]);
    assert.deepEqual(loaded, user);
    assert.ok(loaded?.UserCreateDate instanceof Date);

    const ourDir = freshDir();
    const fresh = await new JsonFileDataStoreFactory(ourDir).create(ctx, 'local_Format', {
      Users: {},
      Options: { Id: 'local_Format' },
    });
    await fresh.set(ctx, ['Users', user.Username], user);
    assert.equal(readFileSync(join(ourDir, 'local_Format.json'), 'utf8'), written);
  });
});
