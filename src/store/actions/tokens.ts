/** The tokens, for the page's own API calls: read, refreshed when expired, or sent as `Authorization: Bearer`. */
import * as amplify from '../amplify.js';
import { fetchWithToken } from '../auth-fetch.js';
import { CognitoAuthError } from '../errors.js';
import type { StoreCore } from '../store-core.js';
import type { AuthTokens } from '../types.js';
import type { ActionOptions } from './sign-in.js';

export interface TokenOptions extends ActionOptions {
  /** Refresh even when the tokens have not expired. */
  readonly forceRefresh?: boolean;
}

export interface AuthFetchOptions extends ActionOptions {
  /** Which token goes in the header: the ID token (default) or the access token. */
  readonly token?: 'id' | 'access';
}

/** The current tokens, refreshed first when they have expired (or when forced). Rejects when signed out. */
export async function getTokens(core: StoreCore, options: TokenOptions = {}): Promise<AuthTokens> {
  try {
    return await tokensOf(core, options.forceRefresh === true);
  } catch (error) {
    throw core.fail(error, 'getTokens', options.origin);
  }
}

/** The current tokens for a view of them (no event on failure: a view is not an action); undefined when none. */
export async function peekTokens(core: StoreCore): Promise<AuthTokens | undefined> {
  if (!core.configuration.inUse || core.state.status !== 'signedIn') return undefined;
  return core.deadline(amplify.currentTokens()).catch(() => undefined);
}

/**
 * `fetch` with `Authorization: Bearer <ID token>` (or the access token), refreshing an expired token first.
 * Rejects with a CognitoAuthError (`NotSignedIn`) when signed out; a response is returned as is. The request has
 * the store's deadline (`TimeoutError`) unless the caller gives its own `signal`.
 */
export async function authFetch(
  core: StoreCore,
  input: RequestInfo | URL,
  init: RequestInit = {},
  options: AuthFetchOptions = {},
): Promise<Response> {
  try {
    const tokens = await tokensOf(core, false);
    const token = options.token === 'access' ? tokens.accessToken : tokens.idToken;
    return await fetchWithToken(input, init, token, core.configuration.timeoutMs);
  } catch (error) {
    // The API's own failures (a network error reaching it) are the caller's: passed on as they are.
    if (!(error instanceof CognitoAuthError)) throw error;
    throw core.fail(error, 'authFetch', options.origin);
  }
}

async function tokensOf(core: StoreCore, forceRefresh: boolean): Promise<AuthTokens> {
  const problem = core.configError();
  if (problem) throw problem;
  const tokens = await core.deadline(amplify.currentTokens(forceRefresh));
  if (!tokens) throw new CognitoAuthError('NotSignedIn', 'Not signed in', 'notSignedIn');
  return tokens;
}
