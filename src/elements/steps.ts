/**
 * The step elements `<cognito-login>` continues into, loaded when their step appears: a page that only signs
 * people in does not download screens most sign-ins never see (a first-login password, a code, a reset). The
 * self-contained bundle already has every element; its build swaps this module for `steps.bundled.ts`
 * (vite.config.ts), which loads nothing.
 */
export type StepTag = 'cognito-new-password' | 'cognito-confirm-sign-up' | 'cognito-reset-password' | 'cognito-mfa';

const MODULES: Record<StepTag, () => Promise<unknown>> = {
  'cognito-new-password': () => import('./cognito-new-password.js'),
  'cognito-confirm-sign-up': () => import('./cognito-confirm-sign-up.js'),
  'cognito-reset-password': () => import('./cognito-reset-password.js'),
  'cognito-mfa': () => import('./cognito-mfa.js'),
};

/** Loads the module that defines `tag`; resolves once it is defined. */
export function loadStep(tag: StepTag): Promise<unknown> {
  return MODULES[tag]();
}
