/**
 * The service as a program: `npm run local-cognito` prints the demo users and writes the pool config; data
 * survives a restart; the demo users are put back in their documented state; --reset starts over; Ctrl-C ends
 * it with nothing left listening.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startLocalCognito } from '../../local-cognito/src/index.js';
import { startCli } from '../support/node/local-cognito.js';

const dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Ctrl-C: the exit code, once the process has ended and all its output has been read. */
function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('close', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

const portIsClosed = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('npm run local-cognito', () => {
  let firstPool = '';

  test('prints the demo users and writes the pool config; Ctrl-C exits 0 and frees the port', async () => {
    const { child, output, url } = await startCli(dataDir, '--quiet');
    const config = JSON.parse(readFileSync(join(dataDir, 'demo-pool.json'), 'utf8')) as Record<string, string>;
    assert.match(config['userPoolId'] ?? '', /^local_[0-9A-Za-z]+$/);
    assert.match(config['userPoolClientId'] ?? '', /^[0-9a-z]+$/);
    assert.equal(config['userPoolEndpoint'], url);
    firstPool = config['userPoolId']!;
    assert.equal(await stop(child), 0);
    // All of the output is in once the process has closed (the users come after the "ready" line).
    for (const email of ['demo@example.com', 'new@example.com', 'unconfirmed@example.com'])
      assert.match(output(), new RegExp(email));
    assert.equal(await portIsClosed(url), true);
  });

  test('a restart keeps the pool, its users and their changes, but restores the demo users', async () => {
    const service = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
    assert.equal(service.demo?.userPoolId, firstPool);
    const poolId = service.demo!.userPoolId;
    await service.call('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'kept@example.com',
      TemporaryPassword: 'Temp-Passw0rd1',
      MessageAction: 'SUPPRESS',
    });
    // Someone completes the demo new-password step and changes the demo password.
    await service.call('AdminSetUserPassword', {
      UserPoolId: poolId,
      Username: 'new@example.com',
      Password: 'Changed-Passw0rd1',
      Permanent: true,
    });
    await service.close();

    const again = await startLocalCognito({ dataDir, port: 0, print: () => undefined });
    const status = async (email: string) =>
      ((await again.call('AdminGetUser', { UserPoolId: poolId, Username: email })) as { UserStatus: string })
        .UserStatus;
    assert.equal(again.demo?.userPoolId, poolId);
    assert.equal(await status('kept@example.com'), 'FORCE_CHANGE_PASSWORD');
    assert.equal(await status('new@example.com'), 'FORCE_CHANGE_PASSWORD');
    assert.equal(await status('demo@example.com'), 'CONFIRMED');
    assert.equal(await status('unconfirmed@example.com'), 'UNCONFIRMED');
    await again.close();
  });

  test('--reset starts from nothing (the demo pool keeps its fixed ids)', async () => {
    const { child, url } = await startCli(dataDir, '--reset', '--quiet');
    const config = JSON.parse(readFileSync(join(dataDir, 'demo-pool.json'), 'utf8')) as Record<string, string>;
    assert.equal(config['userPoolId'], 'local_CognitoElementsDemo');
    assert.equal(config['userPoolClientId'], 'cognitoelementsdemo0client');
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
      body: JSON.stringify({ UserPoolId: firstPool, Username: 'kept@example.com' }),
    });
    assert.equal(((await answer.json()) as { __type?: string }).__type, 'UserNotFoundException');
    assert.equal(await stop(child), 0);
  });

  test('a port in use gives a clear message and exit code 1', async () => {
    const busy = await startLocalCognito({
      dataDir: join(dataDir, 'busy'),
      port: 0,
      demo: false,
      print: () => undefined,
    });
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'local-cognito/src/cli.ts',
      '--port',
      String(busy.port),
      '--data',
      dataDir,
    ]);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    await busy.close();
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`Port ${busy.port} is in use`));
  });
});

describe('npm start', () => {
  test(
    'refuses the placeholders of .env.example and says what to do, before starting anything',
    { timeout: 30_000 },
    async () => {
      const placeholders = {
        VITE_COGNITO_USER_POOL_ID: 'ap-northeast-1_XXXXXXXXX',
        VITE_COGNITO_CLIENT_ID: 'xxxxxxxxxxxxxxxxxxxxxxxxxx',
      };
      const cases = [
        { env: placeholders, named: 'ap-northeast-1_XXXXXXXXX' },
        { env: { ...placeholders, VITE_COGNITO_USER_POOL_ID: 'my-pool' }, named: 'my-pool' },
      ];
      await Promise.all(
        cases.map(async ({ env, named }) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
            env: { ...process.env, ...env, LOCAL_COGNITO_PORT: '0', LOCAL_COGNITO_DATA: join(dataDir, 'placeholders') },
          });
          let output = '';
          child.stdout.on('data', (c: Buffer) => (output += c.toString()));
          child.stderr.on('data', (c: Buffer) => (output += c.toString()));
          const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
          // Should the check be missing, the demo starts: stop it as soon as it says so.
          const started = new Promise<'started'>((resolve) =>
            child.stdout.on('data', () => output.includes('Press Ctrl-C') && resolve('started')),
          );
          const outcome = await Promise.race([exited, started]);
          if (outcome === 'started') {
            child.kill('SIGKILL');
            await exited;
          }
          assert.equal(outcome, 1, output);
          assert.ok(output.includes(named), output);
          assert.match(output, /\.env\.local/);
          assert.doesNotMatch(output, /from your environment|Local Cognito:/);
        }),
      );
    },
  );

  test(
    'serves the demo page and the local service; Ctrl-C stops both, leaving no process and no open port',
    { timeout: 60_000 },
    async () => {
      const data = join(dataDir, 'start');
      // Its own process group, as a terminal would make it, so that "Ctrl-C" reaches npm, the shell and node.
      const child = spawn('npm', ['start'], {
        detached: true,
        env: {
          ...process.env,
          LOCAL_COGNITO_PORT: '0',
          LOCAL_COGNITO_DATA: data,
          VITE_COGNITO_USER_POOL_ID: '',
          VITE_COGNITO_CLIENT_ID: '',
        },
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      // npm itself ends by the signal it was sent; the node process underneath exits 0.
      const exited = new Promise<string>((resolve) =>
        child.once('exit', (code, signal) => resolve(signal ?? String(code))),
      );
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setInterval(() => {
            if (output.includes('Press Ctrl-C')) {
              clearInterval(timer);
              resolve();
            }
          }, 50);
          void exited.then(() => reject(new Error(`npm start exited early:\n${output}`)));
        });
        const demoUrl = /cognito-elements demo: (http:\/\/\S+)/.exec(output)?.[1];
        const serviceUrl = /Local Cognito: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        assert.ok(demoUrl && serviceUrl, output);
        assert.match(output, /demo@example\.com\s+Passw0rd!/);
        assert.match(output, /new@example\.com\s+TempPassw0rd!/);
        const page = await fetch(demoUrl);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /<title>cognito-elements demo<\/title>/);
        // The pages get the local pool's settings (every Vite demo takes them from demo/shared/pool.ts).
        const settings = await (await fetch(new URL('/demo/shared/pool.ts', demoUrl))).text();
        const pool = JSON.parse(readFileSync(join(data, 'demo-pool.json'), 'utf8')) as { userPoolId: string };
        assert.ok(settings.includes(pool.userPoolId), settings);
        assert.equal((await fetch(`${serviceUrl}/health`)).status, 200);

        process.kill(-child.pid!, 'SIGINT');
        assert.ok(['0', 'SIGINT'].includes(await exited));
        // npm ends at once; node underneath closes Vite and the service, then exits. Give it a few seconds.
        const groupAlive = () => {
          try {
            process.kill(-child.pid!, 0);
            return true;
          } catch {
            return false;
          }
        };
        for (let waited = 0; groupAlive() && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
        assert.equal(groupAlive(), false, 'no process of the group is left');
        assert.equal(await portIsClosed(demoUrl), true);
        assert.equal(await portIsClosed(serviceUrl), true);
      } finally {
        // A failed assertion above must not leave npm start running (it would hold its ports for the next run).
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone: the test ended it.
        }
      }
    },
  );
});
