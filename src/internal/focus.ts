/**
 * Focus after a change of state. When a user's own action (a sign-in, a sign-out, a challenge step) replaces the
 * content they were using, the browser drops focus to `<body>`, and a keyboard or screen-reader user starts over
 * from the top of the page. Instead, once every element has rendered the new state, focus moves to the first
 * meaningful target an element offers for it: the "Signed in as …" line after a sign-in (the next Tab reaches
 * "Sign out"), the email field after a sign-out, the new password field when Cognito asks for one.
 * Nothing moves when the change was not the user's doing here (restore on load, another tab, expiry), or when
 * focus is still on something in the page.
 */
import { CognitoAuthChangeEvent } from '../events.js';
import type { AuthStatus } from '../store/index.js';

export interface FocusHost {
  readonly updateComplete: Promise<boolean>;
  /** Where focus should go in `status`, if this element has such a place and it is visible. */
  focusTargetFor(status: AuthStatus): HTMLElement | null;
}

const hosts = new Set<FocusHost>();
let listening = false;

export function addFocusHost(host: FocusHost): void {
  hosts.add(host);
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener(CognitoAuthChangeEvent.type, (event) => void onAuthChange(event));
}

export function removeFocusHost(host: FocusHost): void {
  hosts.delete(host);
}

async function onAuthChange(event: CognitoAuthChangeEvent): Promise<void> {
  // Dispatched on `document`: not caused by an element of this page.
  if (event.target === document) return;
  await focusFor(event.detail.status);
}

/**
 * Moves focus to the first target an element offers for `status`, once every element has rendered, unless focus
 * is on something in the page. Also for content that arrives after the change (a step loaded on demand).
 */
export async function focusFor(status: AuthStatus): Promise<void> {
  await Promise.all([...hosts].map((host) => host.updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 0)); // slotted content settles after its host renders
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  for (const host of hosts) {
    const target = host.focusTargetFor(status);
    if (target && target.isConnected && (target.checkVisibility?.() ?? true)) {
      target.focus();
      return;
    }
  }
}
