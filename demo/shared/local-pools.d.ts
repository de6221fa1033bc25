/** Types of local-pools.js (plain JavaScript, shared with the plain HTML demo, which has no build step). */

export type LocalPoolChoice = 'demo' | 'mfa-on';

/** The local pool with MFA ON (TOTP): fixed ids, as the local service makes it. */
export const MFA_ON_POOL: { readonly userPoolId: string; readonly clientId: string };

/** Its user, who has no factor yet. */
export const MFA_ON_USER: { readonly email: string; readonly password: string };

/** The pool the address asks for: 'mfa-on' with `?pool=mfa-on`, else 'demo'. */
export function localPoolChoice(search?: string): LocalPoolChoice;

/** This page's address (path, query, hash) for that choice. */
export function localPoolHref(choice: LocalPoolChoice, href?: string): string;
