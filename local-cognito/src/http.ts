/**
 * The HTTP face of the service: Cognito's JSON protocol (POST / with `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Target>`), the pool's JWKS, CORS for any localhost origin with a long
 * preflight cache, and a few local-only helpers under /_local/. Nothing here logs bodies: they hold passwords.
 * Only requests addressed to this machine by name (the Host header) are answered, and a shutdown lets the calls
 * under way finish first.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { LogService } from 'cognito-local/lib/services/LogService.js';
import { CognitoError, UnsupportedError } from './errors.js';
import type { Outbox } from './outbox.js';
import type { CompatRouter } from './router.js';

export interface HttpOptions {
  /** The address the server is bound to: a Host naming it is accepted besides the loopback names. */
  readonly bindHost: string;
  readonly router: CompatRouter;
  readonly outbox: Outbox;
  /** GET /_local/totp: the current code of every user with a verified software token. */
  readonly totp: () => Promise<object>;
  readonly jwks: object;
  readonly issuerBase: () => string;
  readonly logger: LogService;
  /** Called once per API call, after the answer is sent; never with a body. */
  readonly onRequest: (record: RequestRecord) => void;
}

/** One API call as the service saw it. */
export interface RequestRecord {
  readonly target: string;
  readonly status: number;
  /** The Cognito error name, when status is not 200. */
  readonly error?: string;
  /** Time spent in the handler, in milliseconds. */
  readonly ms: number;
}

/** The handler and the way to stop it. */
export interface HttpHandler {
  readonly listener: RequestListener;
  /**
   * Stops taking calls (later ones get 503) and resolves when the calls under way have been answered, or after
   * `ms` if one hangs. Their writes are then under way or done; the caller flushes the stores.
   */
  stop(ms: number): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY = 1024 * 1024;
/** Chromium caps the preflight cache at two hours. */
const PREFLIGHT_MAX_AGE = '7200';
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const ALLOWED_HEADERS =
  'content-type, x-amz-target, x-amz-user-agent, x-amz-date, authorization, cache-control, amz-sdk-invocation-id, amz-sdk-request';

const isIPv4Loopback = (name: string): boolean => {
  const parts = name.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
};

/**
 * Whether a Host header names this machine: localhost, 127.0.0.0/8, [::1], or the address the server was bound
 * to, with any port. Anything else is what DNS rebinding looks like: a page of attacker.example, its name now
 * resolving to 127.0.0.1, is same-origin with this service and could read every user and code. A request with no
 * Host at all is let through: browsers always send one (Node refuses HTTP/1.1 without one), so only non-browser
 * HTTP/1.0 clients omit it, and they are not the threat.
 */
export function isLocalHost(host: string | undefined, bindHost: string): boolean {
  if (host === undefined) return true;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(host);
  if (!match) return false;
  const name = (match[1] ?? match[2] ?? '').toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1' || isIPv4Loopback(name)) return true;
  const bound = bindHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  // A wildcard bind address (all interfaces) names no host; a client never addresses it.
  return bound !== '0.0.0.0' && bound !== '::' && name === bound;
}

/** Cognito sends dates as epoch seconds. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : value;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date, server-timing',
    'Timing-Allow-Origin': origin,
    Vary: 'Origin',
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string): void {
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body).toString() }),
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new CognitoError('InvalidParameterException', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

let requestCounter = 0;

export function createHttpHandler(options: HttpOptions): HttpHandler {
  const { bindHost, router, outbox, totp, jwks, issuerBase, logger, onRequest } = options;
  const underWay = new Set<Promise<void>>();
  let stopping = false;

  async function api(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const started = performance.now();
    const requestId = `local-${Date.now().toString(36)}-${(requestCounter++).toString(36)}`;
    const header = req.headers['x-amz-target'];
    const target =
      typeof header === 'string' && header.startsWith(TARGET_PREFIX) ? header.slice(TARGET_PREFIX.length) : '';
    let status = 200;
    let payload: object;
    try {
      if (!target) throw new CognitoError('UnknownOperationException', 'Missing or unknown X-Amz-Target header');
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        throw new CognitoError('SerializationException', 'Request body is not valid JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw new CognitoError('SerializationException', 'Request body must be a JSON object');
      }
      payload = await router(target)({ logger }, body as Record<string, unknown>);
    } catch (error) {
      if (error instanceof CognitoError) {
        status = 400;
        payload = { __type: error.code, message: error.message };
      } else if (error instanceof UnsupportedError) {
        // A client error, not 5xx: the SDKs retry 5xx answers, and asking again cannot make it supported.
        status = 400;
        payload = { __type: 'CognitoLocal#Unsupported', message: `Local Cognito does not support: ${error.message}` };
      } else {
        status = 500;
        payload = { __type: 'InternalErrorException', message: 'Internal error in the local Cognito service' };
        logger.error(`${target}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    const ms = performance.now() - started;
    const errorType: Record<string, string> =
      status === 200 ? {} : { 'x-amzn-errortype': (payload as { __type: string }).__type };
    send(
      res,
      status,
      {
        ...cors,
        ...errorType,
        'Content-Type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': requestId,
        'Server-Timing': `handler;dur=${ms.toFixed(2)}`,
      },
      JSON.stringify(payload, replacer),
    );
    onRequest({
      target: target || '?',
      status,
      ms,
      ...(errorType['x-amzn-errortype'] ? { error: errorType['x-amzn-errortype'] } : {}),
    });
  }

  const listener: RequestListener = (req, res) => {
    // Before anything else, preflights included: a foreign Host must learn nothing, not even CORS grants.
    if (!isLocalHost(req.headers.host, bindHost)) {
      const type = 'CognitoLocal#ForbiddenHost';
      send(
        res,
        403,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'x-amzn-errortype': type },
        JSON.stringify({
          __type: type,
          message:
            `Host "${req.headers.host}" is not allowed: the local Cognito service answers only requests addressed to ` +
            'localhost, 127.0.0.1 or [::1] (a protection against DNS rebinding). Use http://127.0.0.1:<port>.',
        }),
      );
      return;
    }
    const cors = corsHeaders(req);
    const url = new URL(req.url ?? '/', 'http://local');
    const json = (status: number, body: unknown) =>
      send(
        res,
        status,
        { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        JSON.stringify(body),
      );

    if (req.method === 'OPTIONS') {
      send(res, 204, {
        ...cors,
        ...(cors['Access-Control-Allow-Origin']
          ? {
              'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
              'Access-Control-Allow-Headers': ALLOWED_HEADERS,
              'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
            }
          : {}),
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/') {
      if (stopping) {
        res.setHeader('Connection', 'close');
        json(503, { __type: 'ServiceUnavailableException', message: 'The local Cognito service is shutting down' });
        return;
      }
      const call = api(req, res, cors);
      underWay.add(call);
      call
        .finally(() => underWay.delete(call))
        .catch((error: unknown) =>
          logger.error(
            `answering ${req.headers['x-amz-target']}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      return;
    }
    if (req.method === 'GET') {
      const wellKnown = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
      if (wellKnown) {
        const [, poolId, doc] = wellKnown as unknown as [string, string, string];
        const issuer = `${issuerBase()}/${poolId}`;
        json(
          200,
          doc === 'jwks.json'
            ? jwks
            : { issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] },
        );
        return;
      }
      if (url.pathname === '/health') {
        json(200, { ok: true });
        return;
      }
      if (url.pathname === '/_local/messages') {
        json(200, outbox.messages(url.searchParams.get('destination') ?? undefined));
        return;
      }
      if (url.pathname === '/_local/totp') {
        totp().then(
          (listing) => json(200, listing),
          (error: unknown) => json(500, { __type: 'InternalErrorException', message: String(error) }),
        );
        return;
      }
    }
    json(404, { __type: 'ResourceNotFoundException', message: `No route for ${req.method} ${url.pathname}` });
  };

  return {
    listener,
    async stop(ms) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.allSettled([...underWay]), timeout]);
      clearTimeout(timer);
    },
  };
}
