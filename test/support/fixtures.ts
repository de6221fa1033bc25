/** Helpers shared by the element and store tests. */
import { html, nothing, type TemplateResult } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import { resetAuthStore } from '../../src/store/index.js';
import { poolConfig, setFaults } from './local-cognito.js';

/** A clean page: no store, no Amplify configuration, no tokens, no faults. */
export async function cleanSlate(): Promise<void> {
  resetAuthStore();
  localStorage.clear();
  sessionStorage.clear();
  await setFaults([]);
}

/** Attributes that configure an element for the test run's demo pool (optionally through the fault proxy). */
export async function poolAttributes(options: { viaProxy?: boolean } = {}) {
  const config = await poolConfig();
  return {
    userPoolId: config.userPoolId,
    clientId: config.userPoolClientId,
    endpoint: options.viaProxy ? config.proxyEndpoint : config.userPoolEndpoint,
  };
}

export async function loginFixture(
  options: {
    viaProxy?: boolean;
    lang?: string;
    timeoutMs?: number;
    extra?: TemplateResult;
    /** Another pool of the service than the demo pool. */
    pool?: { userPoolId: string; clientId: string };
  } = {},
) {
  const a = { ...(await poolAttributes(options)), ...options.pool };
  const el = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'en'}>
      <cognito-login
        user-pool-id=${a.userPoolId}
        client-id=${a.clientId}
        endpoint=${a.endpoint}
        timeout-ms=${options.timeoutMs ?? nothing}
      ></cognito-login>
      ${options.extra ?? ''}
    </div>`,
  );
  const login = el.querySelector('cognito-login')!;
  await waitUntil(() => login.getAttribute('state') === 'signedOut', 'login never became signedOut');
  await login.updateComplete;
  return login;
}

/** Types into the login form and submits it, as a user would (the submit event, not a method call). */
export async function submitLogin(login: HTMLElement, email: string, password: string): Promise<void> {
  const emailInput = login.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
  const passwordInput = login.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
  emailInput.value = email;
  emailInput.dispatchEvent(new Event('input', { bubbles: true }));
  passwordInput.value = password;
  passwordInput.dispatchEvent(new Event('input', { bubbles: true }));
  login.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/** Types into an input as a user would (the value, then the input event). */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** An element of `tag` configured for the test run's demo pool, with more attributes in `extra`. */
export async function elementFixture<T extends HTMLElement>(
  tag: string,
  options: { viaProxy?: boolean; lang?: string; attributes?: Record<string, string> } = {},
): Promise<T> {
  const a = await poolAttributes(options);
  const el = document.createElement(tag) as T;
  const attributes = {
    'user-pool-id': a.userPoolId,
    'client-id': a.clientId,
    endpoint: a.endpoint,
    ...options.attributes,
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'en'}></div>`);
  wrapper.append(el);
  await waitUntil(() => el.getAttribute('state') === 'signedOut', `${tag} never became signedOut`);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

export const alertText = (root: ParentNode): string => root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** Collects what is written to console.warn or console.error (a line per call) until restored. */
export function captureConsole(method: 'warn' | 'error'): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console[method] = original) };
}
