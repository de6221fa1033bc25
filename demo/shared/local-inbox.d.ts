/** Types of local-inbox.js (plain JavaScript, shared with the plain HTML demo, which has no build step). */

/** Whether `endpoint` is a Cognito endpoint on this machine: the local service. */
export function isLocalEndpoint(endpoint: string): boolean;

export interface LocalInbox {
  /** The panel: `<section class="local-inbox">`. */
  readonly element: HTMLElement;
  /** Asks the local service again now. */
  refresh(): Promise<void>;
  /** Stops refreshing and removes the panel. */
  stop(): void;
}

export function mountLocalInbox(options: {
  /** The local service's URL, e.g. http://127.0.0.1:9229. */
  endpoint: string;
  parent: Element;
  before?: Node | null;
  intervalMs?: number;
}): LocalInbox;
