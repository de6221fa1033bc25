/**
 * Which `<cognito-new-password>` shows the challenge: a page's own element before the one a `<cognito-login>`
 * embeds, so that one challenge never has two forms. Bookkeeping of the elements, kept on their side: the store
 * knows nothing of elements.
 */
const hosts: { element: Element; embedded: boolean }[] = [];
const listeners = new Set<() => void>();

/** Hosts (un)register while another element renders them: tell everyone after that render, not during it. */
const notifySoon = () => queueMicrotask(() => listeners.forEach((listener) => listener()));

export function addNewPasswordHost(element: Element, embedded: boolean): void {
  hosts.push({ element, embedded });
  notifySoon();
}

export function removeNewPasswordHost(element: Element): void {
  const index = hosts.findIndex((host) => host.element === element);
  if (index >= 0) hosts.splice(index, 1);
  notifySoon();
}

/** The one element that shows the challenge. */
export const newPasswordOwner = (): Element | undefined => (hosts.find((host) => !host.embedded) ?? hosts[0])?.element;

/** Whether the page has a `<cognito-new-password>` of its own (so a login need not embed one). */
export const pageHasNewPassword = (): boolean => hosts.some((host) => !host.embedded);

/** Calls `listener` after every change of the hosts; returns the unsubscribe function. */
export function onNewPasswordHosts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
