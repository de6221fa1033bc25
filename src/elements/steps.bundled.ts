/** `steps.ts` in the self-contained bundle, where every element is already in the file: nothing to load. */
import './cognito-confirm-sign-up.js';
import './cognito-mfa.js';
import './cognito-new-password.js';
import './cognito-reset-password.js';
import type { StepTag } from './steps.js';

export type { StepTag } from './steps.js';

export function loadStep(_tag: StepTag): Promise<unknown> {
  return Promise.resolve();
}
