/** `fetch` with a bearer token and a deadline: what `authFetch` sends once the store has the tokens. */
import { CognitoAuthError } from './errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
let warnedInsecure = false;

/** A bearer token sent over plain http to another machine can be read on the way: say so, once. */
function warnIfInsecure(input: RequestInfo | URL): void {
  if (warnedInsecure || typeof location === 'undefined') return;
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    warnedInsecure = true;
    console.warn(`cognito-elements: authFetch is sending a token over plain http to ${url.host}; use https.`);
  }
}

/**
 * The request with `Authorization: Bearer <token>`. It has a deadline (`TimeoutError`) for the answer to begin —
 * not for its body, which may be a long download — unless the caller gives a `signal` of its own, which then
 * decides alone; a Request's own signal still counts.
 */
export async function fetchWithToken(
  input: RequestInfo | URL,
  init: RequestInit,
  token: string,
  timeoutMs: number,
): Promise<Response> {
  warnIfInsecure(input);
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('Authorization', `Bearer ${token}`);
  if (init.signal) return fetch(input, { ...init, headers });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal =
    input instanceof Request && AbortSignal.any ? AbortSignal.any([input.signal, deadline.signal]) : deadline.signal;
  try {
    return await fetch(input, { ...init, headers, signal });
  } catch (error) {
    if (deadline.signal.aborted)
      throw new CognitoAuthError('TimeoutError', `No answer within ${timeoutMs} ms`, 'timeout');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
