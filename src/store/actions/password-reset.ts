/**
 * A forgotten password: a code to the account's address (ForgotPassword), then the code with a new password
 * (ConfirmForgotPassword), then signed in with it (reason `password-reset`). An email with no account gets the same
 * step as one with an account: nobody learns from this journey who has an account.
 */
import { CognitoPasswordResetEvent } from '../../events.js';
import * as accounts from '../accounts.js';
import { CognitoAuthError, toAuthError } from '../errors.js';
import { challenged } from '../machine.js';
import type { SignInResult, StoreCore } from '../store-core.js';
import type { CodeDelivery } from '../types.js';
import { signInWith, type ActionOptions } from './sign-in.js';
import { alreadySignedIn, noStep } from './sign-up.js';

/** Sends a reset code for `email`; resolves in the `resetPassword` state. */
export async function resetPassword(
  core: StoreCore,
  email: string,
  options: ActionOptions = {},
): Promise<SignInResult> {
  const { origin } = options;
  const problem = core.configError() ?? alreadySignedIn(core);
  if (problem) throw core.fail(problem, 'resetPassword', origin);
  const username = email.trim();
  return core.act('resetPassword', origin, async () => {
    const delivery = await requestCode(core, username);
    // Signed in meanwhile (another tab): no reset step over a session.
    if (core.state.status === 'signedIn') return 'DONE';
    return core.waitFor({ step: 'CONFIRM_RESET_PASSWORD_WITH_CODE', email: username, delivery }, origin);
  });
}

/** A new reset code for the email of the step that waits. */
export async function resendResetCode(core: StoreCore, options: ActionOptions = {}): Promise<CodeDelivery | null> {
  const { origin } = options;
  const state = core.state;
  if (state.status !== 'resetPassword') throw core.fail(noStep('password reset'), 'resetPassword', origin);
  let delivery: CodeDelivery | null = null;
  await core.act('resetPassword', origin, async () => {
    delivery = await requestCode(core, state.pending.email);
    const now = core.state;
    if (now.status === 'resetPassword') core.set(challenged(now, { ...now.pending, delivery }));
    return 'CONFIRM_RESET_PASSWORD_WITH_CODE';
  });
  return delivery;
}

/** Sets the new password with the code, then signs in with it (continuing with any step that follows). */
export async function confirmResetPassword(
  core: StoreCore,
  code: string,
  password: string,
  options: ActionOptions = {},
): Promise<SignInResult> {
  const { origin } = options;
  const state = core.state;
  if (state.status !== 'resetPassword') throw core.fail(noStep('password reset'), 'confirmResetPassword', origin);
  const { email } = state.pending;
  return core.act('confirmResetPassword', origin, async () => {
    await core
      .deadline(accounts.confirmForgotPassword(email, code.trim(), password, core.configuration.timeoutMs))
      .catch((error: unknown) => {
        // An email with no account (or one that cannot be reset) must read as a wrong code, as for everyone else.
        if (hidesAccount(error))
          throw new CognitoAuthError(
            'CodeMismatchException',
            'Invalid verification code provided, please try again.',
            'codeMismatch',
          );
        throw error;
      });
    core.emit(new CognitoPasswordResetEvent({ username: email }), origin);
    return signInWith(core, email, password, { reason: 'password-reset', origin });
  });
}

/**
 * ForgotPassword. What would tell an account apart becomes the same step as for any email (no destination), never
 * an error: an unknown email in a pool without PreventUserExistenceErrors (UserNotFoundException), an account
 * that cannot be reset now (NotAuthorizedException: a temporary password), or one with no verified address to send
 * to (InvalidParameterException, unless it is about the configuration).
 */
async function requestCode(core: StoreCore, email: string): Promise<CodeDelivery | null> {
  try {
    return await core.deadline(accounts.forgotPassword(email, core.configuration.timeoutMs));
  } catch (error) {
    if (hidesAccount(error)) return null;
    throw error;
  }
}

const hidesAccount = (error: unknown): boolean => {
  const failure = toAuthError(error);
  return (
    failure.code !== 'configuration' &&
    ['UserNotFoundException', 'NotAuthorizedException', 'InvalidParameterException'].includes(failure.name)
  );
};
