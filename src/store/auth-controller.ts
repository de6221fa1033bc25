/**
 * How an element reads the store: a Lit ReactiveController that re-renders its host on every change of state
 * and tells the store when the host comes and goes (the first connected element starts the store).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getAuthStore, type AuthStore } from './auth-store.js';
import type { AuthState } from './types.js';

export class AuthController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private attachedTo: AuthStore | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
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
    this.attachedTo = store;
    this.unsubscribe = store.subscribe(() => this.host.requestUpdate());
    store.attach(this.host);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.attachedTo?.detach(this.host);
    this.attachedTo = undefined;
  }
}
