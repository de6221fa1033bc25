/**
 * DNS rebinding: a page on attacker.example whose name is made to resolve to 127.0.0.1 can send requests to the
 * local service from the developer's browser, and read the answers, since they are same-origin to it. The only
 * trace of the attack is the Host header, so the service answers nothing to a Host that is not this machine's.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startTestService } from '../support/node/local-cognito.js';

let service: Awaited<ReturnType<typeof startTestService>>;
before(async () => {
  service = await startTestService();
});
after(() => service.stop());

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with a Host header of our choosing (fetch does not let one set it). */
function send(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: service.port, method, path, headers: { ...headers, Host: host } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const listUsers = (host: string) =>
  send(
    'POST',
    '/',
    host,
    { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUsers', 'Content-Type': 'application/x-amz-json-1.1' },
    JSON.stringify({ UserPoolId: service.demo!.userPoolId }),
  );

describe('Host header', () => {
  test('a foreign Host gets 403 and a JSON error for every route: no users, no codes, no keys, no preflight grant', async () => {
    const port = service.port;
    for (const host of [
      'attacker.example',
      `attacker.example:${port}`,
      `localhost.attacker.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `192.168.1.20:${port}`,
    ]) {
      const answers = [
        await listUsers(host),
        await send('GET', '/_local/messages', host),
        await send('GET', `/${service.demo!.userPoolId}/.well-known/jwks.json`, host),
        await send('GET', '/health', host),
        await send('OPTIONS', '/', host, { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 403, `${host}: ${answer.body}`);
        assert.equal(answer.headers['access-control-allow-origin'], undefined);
        const error = JSON.parse(answer.body) as { __type: string; message: string };
        assert.equal(error.__type, 'CognitoLocal#ForbiddenHost');
        assert.ok(error.message.includes(host), error.message);
        assert.doesNotMatch(answer.body, /example\.com/);
      }
    }
  });

  test('loopback Hosts, with or without a port, are served', async () => {
    const port = service.port;
    for (const host of [
      `127.0.0.1:${port}`,
      '127.0.0.1',
      `localhost:${port}`,
      'LOCALHOST',
      `127.1.2.3:${port}`,
      `[::1]:${port}`,
      '[::1]',
    ]) {
      const answer = await listUsers(host);
      assert.equal(answer.status, 200, `${host}: ${answer.body}`);
      assert.match(answer.body, /demo@example\.com/);
    }
  });
});
