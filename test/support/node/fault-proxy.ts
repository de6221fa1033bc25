/**
 * A fault-injecting HTTP proxy in front of the local Cognito service, for failures a real service produces
 * but a test cannot provoke on demand: the network dropping, throttling, a slow answer. Requests that match no
 * fault pass through unchanged (preflights included). Binds to 127.0.0.1 on a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from '../fault.js';

export type { Fault } from '../fault.js';

export interface FaultProxy {
  readonly url: string;
  setFaults(faults: readonly Fault[]): void;
  /** Requests that were faulted, by target. */
  readonly faulted: string[];
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  let faults: { fault: Fault; left: number }[] = [];
  const faulted: string[] = [];
  /**
   * Requests held by a `hang` fault, released when the faults change so that nothing outlives its test: with an
   * error answer no client retries (a dropped connection would be retried by Amplify, and an abandoned sign-in
   * would go on into the next test).
   */
  let hung: { res: ServerResponse; cors: Record<string, string> }[] = [];
  const releaseHung = () => {
    for (const { res, cors } of hung) {
      if (res.writableEnded || res.destroyed) continue;
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'InjectedHangReleased',
        ...cors,
      });
      res.end(JSON.stringify({ __type: 'InjectedHangReleased', message: 'Released by the fault proxy' }));
    }
    hung = [];
  };

  async function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !['host', 'connection', 'content-length'].includes(name))
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await fetch(new URL(req.url ?? '/', upstream), {
      method: req.method ?? 'GET',
      headers,
      ...(body.length ? { body: new Uint8Array(body) } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
        out[name] = value;
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const header = req.headers['x-amz-target'];
      const target = typeof header === 'string' ? (header.split('.')[1] ?? '') : '';
      const match =
        req.method === 'POST'
          ? faults.find((f) => f.left > 0 && (!f.fault.target || f.fault.target === target))
          : undefined;
      if (!match) return forward(req, res, body);
      match.left -= 1;
      faulted.push(target);
      const { fault } = match;
      if (fault.kind === 'network') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
        return forward(req, res, body);
      }
      const origin = req.headers.origin;
      const cors: Record<string, string> = origin
        ? {
            'access-control-allow-origin': origin,
            'access-control-expose-headers': 'x-amzn-errortype, x-amzn-requestid',
          }
        : {};
      if (fault.kind === 'hang') {
        hung.push({ res, cors });
        return;
      }
      if (fault.kind === 'raw') {
        res.writeHead(fault.status ?? 502, { 'content-type': fault.contentType ?? 'text/html', ...cors });
        res.end(fault.body ?? '<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      }
      const type = fault.type ?? 'InternalErrorException';
      const payload = JSON.stringify({ __type: type, message: fault.message ?? 'Injected fault' });
      res.writeHead(fault.status ?? 400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': type,
        ...cors,
      });
      res.end(payload);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faulted,
    setFaults(list) {
      releaseHung();
      faults = list.map((fault) => ({ fault, left: fault.times ?? Number.POSITIVE_INFINITY }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        releaseHung();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
