/** What every compatibility target is given, and the look-ups they share. */
import type { Router } from 'cognito-local/lib/server/Router.js';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import type { ChallengeSessions } from '../challenges.js';
import type { Codes } from '../codes.js';
import { invalidParameter, notAuthorized, resourceNotFound, userNotFound } from '../errors.js';
import type { Lockout } from '../lockout.js';
import type { Outbox } from '../outbox.js';
import type { PasswordPolicy } from '../password-policy.js';
import type { CompatState } from '../state.js';
import type { TokenIssuer } from '../tokens.js';

export interface Compat {
  /** cognito-local's services, with this layer's token issuer and outbox plugged in. */
  readonly services: Services;
  /** cognito-local's own targets, for everything this layer does not replace. */
  readonly base: Router;
  readonly tokens: TokenIssuer;
  readonly state: CompatState;
  readonly challenges: ChallengeSessions;
  readonly lockout: Lockout;
  /** Sign-up and reset codes: lifetimes, attempts. */
  readonly codes: Codes;
  /** The same object as `services.messages`, with the way in for codes this layer sends. */
  readonly outbox: Outbox;
}

export type Request = Record<string, unknown>;
export type Target = (ctx: Context, req: Request) => Promise<object>;

export function requireString(req: Request | undefined, name: string): string {
  const value = req?.[name];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

export function params(req: Request, name: string): Request {
  const value = req[name];
  return value && typeof value === 'object' ? (value as Request) : {};
}

export async function clientAndPool(
  compat: Compat,
  ctx: Context,
  clientId: unknown,
): Promise<{ client: AppClient; pool: UserPoolService }> {
  if (typeof clientId !== 'string' || clientId === '') throw invalidParameter('Missing required parameter ClientId');
  const client = await compat.services.cognito.getAppClient(ctx, clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  const pool = await compat.services.cognito.getUserPoolForClientId(ctx, clientId);
  return { client, pool };
}

/** PreventUserExistenceErrors = ENABLED: unknown users look exactly like wrong passwords. */
export const hidesUsers = (client: AppClient): boolean =>
  (client as AppClient & { PreventUserExistenceErrors?: string }).PreventUserExistenceErrors === 'ENABLED';

/** The error for "no such user", as the client's PreventUserExistenceErrors setting dictates. */
export const unknownUser = (client: AppClient) => (hidesUsers(client) ? notAuthorized() : userNotFound());

export const passwordPolicy = (pool: UserPoolService): PasswordPolicy | undefined =>
  (pool.options as { Policies?: { PasswordPolicy?: PasswordPolicy } }).Policies?.PasswordPolicy;

/** The part of the pool id after the region: what SRP hashes into every proof. */
export const poolName = (pool: UserPoolService): string => pool.options.Id.split('_')[1] ?? pool.options.Id;

export const lockoutKey = (pool: UserPoolService, user: User): string => `${pool.options.Id}/${user.Username}`;

export function attributesToRecord(user: User): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { Name, Value } of user.Attributes) if (Name && Value !== undefined) out[Name] = Value;
  return out;
}
