import { configure } from '../../src/index.js';

/** The pool the framework demos use: the same as the main demo's (npm start, or .env.local). */
export const pool = {
  userPoolId: import.meta.env.VITE_COGNITO_USER_POOL_ID ?? '',
  clientId: import.meta.env.VITE_COGNITO_CLIENT_ID ?? '',
  endpoint: import.meta.env.VITE_COGNITO_ENDPOINT ?? '',
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
