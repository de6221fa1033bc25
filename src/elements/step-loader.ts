import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadStep, type StepTag } from './steps.js';

export type StepLoad = 'ready' | 'loading' | 'failed';

/**
 * For an element that embeds step elements loaded on demand (steps.ts): `status(tag)` starts loading the step's
 * module the first time it is asked and says where that stands; the host re-renders when it settles. A load has a
 * deadline like every network action; a step that arrives after it is still shown. A module that failed to load
 * stays failed in this document (browsers keep a failed module fetch), so the way out is a reload or Back.
 */
export class StepLoader implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deadlineMs: () => number;
  readonly #onReady: () => void;
  readonly #loads = new Map<StepTag, Exclude<StepLoad, 'ready'>>();

  /** `onReady`: called once a step that was loading is defined (after the host's update), e.g. to move focus. */
  constructor(host: ReactiveControllerHost, deadlineMs: () => number, onReady: () => void) {
    this.#host = host;
    this.#deadlineMs = deadlineMs;
    this.#onReady = onReady;
    host.addController(this);
  }

  hostConnected(): void {}

  status(tag: StepTag): StepLoad {
    if (customElements.get(tag)) return 'ready';
    const load = this.#loads.get(tag);
    if (load) return load;
    this.#start(tag);
    return 'loading';
  }

  #start(tag: StepTag): void {
    this.#loads.set(tag, 'loading');
    const settled = (load: StepLoad) => () => {
      clearTimeout(timer);
      if (load === 'ready') this.#loads.delete(tag);
      else if (this.#loads.get(tag) === 'loading') this.#loads.set(tag, load);
      this.#host.requestUpdate();
      if (load === 'ready') void this.#host.updateComplete.then(this.#onReady);
    };
    const timer = setTimeout(settled('failed'), this.#deadlineMs());
    loadStep(tag).then(() => customElements.whenDefined(tag).then(settled('ready')), settled('failed'));
  }
}
