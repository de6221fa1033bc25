/**
 * How an element reads the store: a Lit ReactiveController that re-renders its host on every change of state
 * and tells the store when a host connects (the first connected element starts the store). On the element side:
 * the store knows nothing of Lit.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getAuthStore, type AuthState, type AuthStore } from '../store/index.js';

export class AuthController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The page's store (a fresh one after resetAuthStore()). */
  get store(): AuthStore {
    return getAuthStore();
  }

  get state(): AuthState {
    return this.store.state;
  }

  hostConnected(): void {
    const store = this.store;
    this.#unsubscribe = store.subscribe(() => this.#host.requestUpdate());
    store.attach();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
