/**
 * "Another tab" for cross-tab tests: a same-origin document (loaded in an iframe) with its own copy of the store,
 * configured from the query string. The test drives it through window.otherTab.
 */
import { configure, getAuthStore } from '../../src/index.js';

const params = new URLSearchParams(location.search);
configure({
  userPoolId: params.get('pool')!,
  userPoolClientId: params.get('client')!,
  userPoolEndpoint: params.get('endpoint')!,
});

declare global {
  interface Window {
    otherTab: { signIn(email: string, password: string): Promise<unknown>; signOut(): Promise<void>; status(): string };
  }
}

window.otherTab = {
  signIn: (email, password) => getAuthStore().signIn(email, password),
  signOut: () => getAuthStore().signOut(),
  status: () => getAuthStore().state.status,
};
