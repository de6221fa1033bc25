// Which of the local service's pools a demo page uses: its demo pool (MFA optional), or, with `?pool=mfa-on` in the
// address, the pool that requires MFA (a user without a factor sets up an authenticator app at sign-in). Only
// against the local service: a page set up for a real pool ignores the query. Plain JavaScript, as the plain HTML
// demo has no build step (types in local-pools.d.ts). The ids are fixed by the service
// (local-cognito/src/demo-pool.ts, which the e2e tests compare with these); the demo pool's come from the pool file
// (the other demos) or the attributes (plain.html).

/** The local pool with MFA ON (TOTP). */
export const MFA_ON_POOL = Object.freeze({
  userPoolId: 'local_CognitoElementsMfaOn',
  clientId: 'cognitoelementsmfaonclient',
});

/** Its user, who has no factor yet (put back so on every start of the service). */
export const MFA_ON_USER = Object.freeze({ email: 'mfa-setup@example.com', password: 'Passw0rd!' });

const PARAM = 'pool';
const MFA_ON = 'mfa-on';

/** The pool the address asks for: 'mfa-on' with `?pool=mfa-on`, else 'demo'. */
export function localPoolChoice(search = location.search) {
  return new URLSearchParams(search).get(PARAM) === MFA_ON ? 'mfa-on' : 'demo';
}

/** This page's address for the other choice (a link: following it reloads the page with that pool). */
export function localPoolHref(choice, href = location.href) {
  const url = new URL(href);
  if (choice === MFA_ON) url.searchParams.set(PARAM, MFA_ON);
  else url.searchParams.delete(PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}
