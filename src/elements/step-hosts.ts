import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Which element shows a step that waits for the user (a new password, a sign-up code, a reset code): a page's own
 * element before one that another element embeds (`<cognito-login>` embeds each step's element), so that one step
 * never has two forms. Bookkeeping of the elements, kept on their side: the store knows nothing of elements.
 */
export class StepHosts {
  readonly #hosts: { element: Element; embedded: boolean }[] = [];
  readonly #listeners = new Set<() => void>();
  #preferredWithin: Element | undefined;

  add(element: Element, embedded: boolean): void {
    this.#hosts.push({ element, embedded });
    this.#notifySoon();
  }

  remove(element: Element): void {
    const index = this.#hosts.findIndex((host) => host.element === element);
    if (index >= 0) this.#hosts.splice(index, 1);
    this.#notifySoon();
  }

  /**
   * The one element that shows the step: the page's own, else the one embedded in the element the user is acting
   * in (see preferWithin), else the first.
   */
  owner(): Element | undefined {
    const within = this.#preferredWithin;
    const host =
      this.#hosts.find((h) => !h.embedded) ??
      (within && this.#hosts.find((h) => within.contains(h.element))) ??
      this.#hosts[0];
    return host?.element;
  }

  /** The user acts in `element` (a submit that may lead to this step): an embedded host inside it shows the step. */
  preferWithin(element: Element): void {
    if (this.#preferredWithin === element) return;
    this.#preferredWithin = element;
    this.#notifySoon();
  }

  /** Whether the page has an element of its own for the step (so another need not embed one). */
  pageHasOwn(): boolean {
    return this.#hosts.some((host) => !host.embedded);
  }

  /** Calls `listener` after every change of the hosts; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Hosts (un)register while another element renders them: tell everyone after that render, not during it. */
  #notifySoon(): void {
    queueMicrotask(() => this.#listeners.forEach((listener) => listener()));
  }
}

export const newPasswordHosts = new StepHosts();
export const confirmSignUpHosts = new StepHosts();
export const resetPasswordHosts = new StepHosts();
export const mfaHosts = new StepHosts();

/**
 * For an element that shows a step (`own`: it registers while connected) or embeds the elements of steps
 * (`watched`): it re-renders whenever who shows a step changes.
 */
export class StepHostsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #watched: readonly StepHosts[];
  readonly #own: { readonly hosts: StepHosts; readonly embedded: () => boolean } | undefined;
  #stops: (() => void)[] = [];

  constructor(
    host: ReactiveControllerHost & Element,
    watched: readonly StepHosts[],
    own?: { readonly hosts: StepHosts; readonly embedded: () => boolean },
  ) {
    this.#host = host;
    this.#watched = own ? [...new Set([...watched, own.hosts])] : watched;
    this.#own = own;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stops = this.#watched.map((hosts) => hosts.onChange(() => this.#host.requestUpdate()));
    this.#own?.hosts.add(this.#host, this.#own.embedded());
  }

  hostDisconnected(): void {
    this.#stops.forEach((stop) => stop());
    this.#stops = [];
    this.#own?.hosts.remove(this.#host);
  }
}
