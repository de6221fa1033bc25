/** Whether the demos show the local inbox (local-inbox.js), and where it reads from. */
import { mountLocalInbox, type LocalInbox } from './local-inbox.js';

/**
 * The local service's URL when the demo runs against it (`npm start` without .env.local sets VITE_COGNITO_LOCAL);
 * '' with a real pool, whose codes go out by email: the inbox is never shown then.
 */
export function localInboxEndpoint(env: Pick<ImportMetaEnv, 'VITE_COGNITO_LOCAL' | 'VITE_COGNITO_ENDPOINT'>): string {
  return env.VITE_COGNITO_LOCAL === 'true' && env.VITE_COGNITO_ENDPOINT ? env.VITE_COGNITO_ENDPOINT : '';
}

/** Adds the local inbox to the page (before `before`, else at the end of `parent`) when the demo runs against the local service. */
export function showLocalInbox(parent: Element, before: Node | null = null): LocalInbox | undefined {
  const endpoint = localInboxEndpoint(import.meta.env);
  return endpoint ? mountLocalInbox({ endpoint, parent, before }) : undefined;
}
