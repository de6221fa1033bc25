/**
 * A visible countdown before an action may run again (Resend code): Cognito limits how many codes an account may
 * ask for, and a user who clicks twice should see why nothing happens. The host re-renders every second while
 * it runs; the timer stops when the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Cooldown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whole seconds left; 0 when the action may run. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(seconds: number): void {
    this.#until = Date.now() + seconds * 1000;
    this.#tick();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  hostConnected(): void {
    if (this.remaining > 0) this.#tick();
  }

  #tick(): void {
    this.#stop();
    this.#host.requestUpdate();
    if (this.remaining === 0) return;
    this.#timer = setInterval(() => {
      this.#host.requestUpdate();
      if (this.remaining === 0) this.#stop();
    }, 1000);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
