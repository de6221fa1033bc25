/** A failure the fault-injecting proxy produces on demand (shared by the proxy and the browser tests). */
export interface Fault {
  /** The Cognito target it applies to (`InitiateAuth`, …); every POST when absent. */
  readonly target?: string;
  /**
   * `network`: the connection is dropped; `error`: a Cognito error answer; `delay`: passed on after `delayMs`;
   * `hang`: never answered (until the faults change or the proxy closes); `raw`: `status` with `body` as it is
   * (an HTML page from a gateway, a garbled or non-JSON answer).
   */
  readonly kind: 'network' | 'error' | 'delay' | 'hang' | 'raw';
  readonly status?: number;
  /** For `raw`: the body, and its content type (default text/html). */
  readonly body?: string;
  readonly contentType?: string;
  /** The error name, e.g. `TooManyRequestsException`. */
  readonly type?: string;
  readonly message?: string;
  readonly delayMs?: number;
  /** How many matching requests it hits (default: every one). */
  readonly times?: number;
}
