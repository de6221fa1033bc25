/**
 * `steps.ts` in the self-contained bundle, whose entry registers every element: nothing to load, only to wait for
 * the definition. (Importing the step elements here would close a cycle through the form base, which imports the
 * step loader, and a step element would then extend its base before the base exists.)
 */
import type { StepTag } from './steps.js';

export type { StepTag } from './steps.js';

export function loadStep(tag: StepTag): Promise<unknown> {
  return customElements.whenDefined(tag);
}
