import { configure } from '../../src/index.js';
import { localPoolChoice, MFA_ON_POOL } from './local-pools.js';

const env = import.meta.env;
/** Whether the settings are the local service's (npm start): only then may the address choose its other pool. */
const local = env.VITE_COGNITO_LOCAL === 'true';
/** `?pool=mfa-on` against the local service: its pool that requires MFA. */
const mfaOn = local && localPoolChoice() === 'mfa-on';

/**
 * The pool every Vite demo uses (main, Vue, React, Svelte): the local service's demo pool under npm start (or the
 * pool of .env.local), or with `?pool=mfa-on` the local pool that requires MFA (same endpoint).
 */
export const pool = {
  userPoolId: (mfaOn ? MFA_ON_POOL.userPoolId : env.VITE_COGNITO_USER_POOL_ID) ?? '',
  clientId: (mfaOn ? MFA_ON_POOL.clientId : env.VITE_COGNITO_CLIENT_ID) ?? '',
  endpoint: env.VITE_COGNITO_ENDPOINT ?? '',
  local,
  mfaOn,
};

/**
 * Frameworks gate their views on the auth state before any element is on the page, so the pool is configured
 * from JavaScript at start-up (the elements' attributes then name the same pool).
 */
if (pool.userPoolId && pool.clientId)
  configure({
    userPoolId: pool.userPoolId,
    userPoolClientId: pool.clientId,
    userPoolEndpoint: pool.endpoint || undefined,
  });
