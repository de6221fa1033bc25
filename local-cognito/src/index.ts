/**
 * A local, Cognito-compatible user pool service: cognito-local's pools, clients, users and codes, with this
 * project's compatibility layer (SRP, refresh, revocation, Cognito's error names and policies) in front.
 * Embeddable: tests start one per file on an ephemeral port with a data folder of their own.
 */
import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Router } from 'cognito-local/lib/server/Router.js';
import { DefaultConfig } from 'cognito-local/lib/server/config.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import { CognitoServiceImpl } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { LogService } from 'cognito-local/lib/services/LogService.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import { UserPoolServiceFactoryImpl, type UserPool } from 'cognito-local/lib/services/userPoolService.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { ChallengeSessions } from './challenges.js';
import { Codes, type CodeOptions } from './codes.js';
import { JsonFileDataStoreFactory } from './data-store.js';
import { ensureDemoPool, type DemoPool } from './demo-pool.js';
import { syncDirectory } from './durable-file.js';
import { UnsupportedError } from './errors.js';
import { createHttpHandler, type RequestRecord } from './http.js';
import { Lockout } from './lockout.js';
import { attribute, currentCode, type MfaUser } from './mfa.js';
import { Outbox } from './outbox.js';
import { createRouter, type CompatRouter } from './router.js';
import { CompatState } from './state.js';
import { loadSigningKey, TokenIssuer } from './tokens.js';

export type { CodeOptions } from './codes.js';
export type { DemoPool } from './demo-pool.js';
export { DataFileError } from './durable-file.js';
export type { DeliveredMessage, MessageKind, MessageSource } from './outbox.js';
export type { RequestRecord } from './http.js';
export {
  DEMO_MFA_ON_CLIENT_ID,
  DEMO_MFA_ON_POOL_ID,
  DEMO_MFA_ON_USERS,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  demoUserLines,
} from './demo-pool.js';

/** A user's current TOTP code (GET /_local/totp lists one per user with a verified software token). */
export interface TotpListing {
  readonly userPoolId: string;
  readonly username: string;
  readonly email: string | null;
  readonly code: string;
  /** Seconds until the code's 30-second step ends. */
  readonly secondsLeft: number;
}

export interface LocalCognitoOptions {
  /** Folder for users, keys and sessions; created when missing. */
  readonly dataDir: string;
  /** 0 picks a free port. Default 9229. */
  readonly port?: number;
  /** Default 127.0.0.1: the service is for this machine only. */
  readonly host?: string;
  /** Create (or restore) the demo pool, client and users. Default true. */
  readonly demo?: boolean;
  /** Where lines for people go (codes, warnings). Default: stdout. */
  readonly print?: (line: string) => void;
  /** One line per API call. Default: none. */
  readonly logRequest?: (line: string) => void;
  /**
   * Code lifetimes and wrong attempts. Default: Cognito's lifetimes, 24 hours for sign-up codes and 1 hour for
   * password-reset codes, and 5 wrong attempts per code. Tests shorten them, e.g. `{ signUpMs: 50 }`.
   */
  readonly codes?: CodeOptions;
  /**
   * How long a sign-in challenge session (and an SMS or email MFA code) lives when the app client sets no
   * AuthSessionValidity. Default: 3 minutes, as Cognito. Tests shorten it.
   */
  readonly challengeSessionMs?: number;
}

export interface LocalCognito {
  /** e.g. http://127.0.0.1:9229 — the `userPoolEndpoint` for aws-amplify and `endpoint` for the AWS SDK. */
  readonly url: string;
  readonly port: number;
  /** The demo pool, when `demo` was on. */
  readonly demo: DemoPool | undefined;
  /** Every code the service has "sent". */
  readonly outbox: Outbox;
  /** Every API call so far (target, status, handler time), oldest first. */
  readonly requests: readonly RequestRecord[];
  /** The current TOTP code of every user with a verified software token (development aid, for tests and demos). */
  totpCodes(): Promise<TotpListing[]>;
  /** The current TOTP code of the user with this email (in `userPoolId`, else in any pool), or undefined. */
  totpCode(email: string, userPoolId?: string): Promise<string | undefined>;
  /** Calls a target in-process, as an HTTP request would (for tests and tooling). */
  call(target: string, request: Record<string, unknown>): Promise<object>;
  /**
   * Stops listening, lets the calls under way finish (up to 5 s), and resolves once every change is on disk.
   * Call it before the process exits: what it waits for would otherwise be lost.
   */
  close(): Promise<void>;
}

/** How long close() lets calls under way finish. Handlers take milliseconds; this bounds a hung disk. */
const DRAIN_MS = 5000;

/** cognito-local's name for the clients' file (CognitoServiceFactoryImpl; not exported). */
const CLIENTS_STORE = 'clients';

/**
 * cognito-local's CognitoService, but deleting a pool first lets that pool's writes finish and stops new ones:
 * cognito-local deletes the file directly, and a write still under way would bring the pool back.
 */
class DurableCognitoService extends CognitoServiceImpl {
  constructor(
    private readonly directory: string,
    clients: DataStore,
    userPools: UserPoolServiceFactoryImpl,
    private readonly stores: JsonFileDataStoreFactory,
  ) {
    super(directory, clients, {}, userPools);
  }

  override async deleteUserPool(ctx: Context, userPool: UserPool): Promise<void> {
    await this.stores.retire(userPool.Id);
    await super.deleteUserPool(ctx, userPool);
    await syncDirectory(this.directory);
  }
}

/** Temporary files of writes that a kill interrupted (write-file-atomic names them `<file>.<number>`). */
async function removeInterruptedWrites(directory: string): Promise<void> {
  for (const name of await readdir(directory)) {
    if (/\.json\.\d+$/.test(name)) await rm(join(directory, name), { force: true });
  }
}

/** cognito-local's logger interface; its debug lines dump whole users (passwords included), so they are dropped. */
function createLogger(print: (line: string) => void): LogService {
  const message = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : ''))
      .filter(Boolean)
      .join(' ');
  const logger: LogService = {
    child: () => logger,
    debug: () => undefined,
    info: () => undefined,
    warn: (...args: unknown[]) => print(`warning: ${message(args)}`),
    error: (...args: unknown[]) => print(`error: ${message(args)}`),
  } as unknown as LogService;
  return logger;
}

/** No Lambda triggers: the local service has no Lambda to call. */
const noTriggers: Triggers = new Proxy({ enabled: () => false } as unknown as Triggers, {
  get(target, property) {
    if (property === 'enabled') return target.enabled;
    return () => Promise.reject(new UnsupportedError(`Lambda trigger ${String(property)}`));
  },
});

export async function startLocalCognito(options: LocalCognitoOptions): Promise<LocalCognito> {
  const print = options.print ?? ((line: string) => process.stdout.write(`[local-cognito] ${line}\n`));
  const host = options.host ?? '127.0.0.1';
  const dbDir = join(options.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });

  const logger = createLogger(print);
  const ctx = { logger };
  let url = '';

  const clock = new DateClock();
  // Every file is read before any is written (a missing one aside), so a file that cannot be read stops the
  // start with nothing changed; see durable-file.ts.
  const stores = new JsonFileDataStoreFactory(dbDir);
  const userPools = new UserPoolServiceFactoryImpl(clock, stores);
  const cognito = new DurableCognitoService(
    dbDir,
    await stores.create(ctx, CLIENTS_STORE, { Clients: {} }),
    userPools,
    stores,
  );
  await cognito.init(ctx);
  const state = await CompatState.load(join(options.dataDir, 'sessions.json'));
  const key = await loadSigningKey(join(options.dataDir, 'signing-key.json'));
  const tokens = new TokenIssuer(key, () => url, clock, state);
  const outbox = new Outbox(print);
  const requests: RequestRecord[] = [];
  const services: Services = {
    clock,
    cognito,
    config: { ...DefaultConfig, UserPoolDefaults: {}, TokenConfig: { IssuerDomain: '' } },
    messages: outbox,
    otp,
    tokenGenerator: tokens,
    triggers: noTriggers,
  };
  const router: CompatRouter = createRouter({
    services,
    base: Router(services),
    tokens,
    state,
    challenges: new ChallengeSessions(options.challengeSessionMs),
    lockout: new Lockout(),
    codes: new Codes(options.codes, () => clock.get().getTime()),
    outbox,
  });

  async function totpCodes(): Promise<TotpListing[]> {
    const listing: TotpListing[] = [];
    for (const { Id } of await cognito.listUserPools(ctx)) {
      const pool = await cognito.getUserPool(ctx, Id);
      for (const user of (await pool.listUsers(ctx)) as MfaUser[]) {
        const token = user.SoftwareTokenMfaConfiguration;
        if (!token?.Verified) continue;
        const email = attribute(user, 'email') ?? null;
        listing.push({ userPoolId: Id, username: user.Username, email, ...currentCode(token.Secret) });
      }
    }
    return listing;
  }

  const http = createHttpHandler({
    bindHost: host,
    router,
    outbox,
    totp: totpCodes,
    jwks: { keys: [key.publicJwk] },
    issuerBase: () => url,
    logger,
    onRequest: (record) => {
      requests.push(record);
      options.logRequest?.(
        `${record.target} ${record.status}${record.error ? ` ${record.error}` : ''} ${record.ms.toFixed(1)} ms`,
      );
    },
  });
  const server: Server = createServer(http.listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9229, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;
  // Only now that the port is ours: another service started on the same folder must not lose its writes.
  await removeInterruptedWrites(dbDir);
  await removeInterruptedWrites(options.dataDir);

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeIdleConnections();
    await http.stop(DRAIN_MS);
    server.closeAllConnections();
    await closed;
    await Promise.all([stores.flush(), state.flush()]);
  }

  const call = (target: string, request: Record<string, unknown>) => router(target)(ctx, request);
  let demo: DemoPool | undefined;
  try {
    demo = options.demo === false ? undefined : await ensureDemoPool(call, cognito, ctx, url);
  } catch (error) {
    await close(); // a failed start leaves nothing listening
    throw error;
  }

  return {
    url,
    port,
    demo,
    outbox,
    requests,
    totpCodes,
    async totpCode(email, userPoolId) {
      const found = (await totpCodes()).find(
        (t) => t.email === email && (userPoolId === undefined || t.userPoolId === userPoolId),
      );
      return found?.code;
    },
    call,
    close: () => (closing ??= close()),
  };
}
