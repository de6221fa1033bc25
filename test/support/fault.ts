/** A failure the fault-injecting proxy produces on demand (shared by the proxy and the browser tests). */
export interface Fault {
  /** The Cognito target it applies to (`InitiateAuth`, …); every POST when absent. */
  readonly target?: string;
  /** `network`: the connection is dropped; `error`: a Cognito error answer; `delay`: passed on after `delayMs`. */
  readonly kind: 'network' | 'error' | 'delay';
  readonly status?: number;
  /** The error name, e.g. `TooManyRequestsException`. */
  readonly type?: string;
  readonly message?: string;
  readonly delayMs?: number;
  /** How many matching requests it hits (default: every one). */
  readonly times?: number;
}
