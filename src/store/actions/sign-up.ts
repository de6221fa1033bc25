/**
 * Creating an account: SignUp, the code that confirms it, and the sign-in that follows with the password just
 * typed (held in memory by the core only while the code step waits).
 */
import { CognitoAccountCreatedEvent } from '../../events.js';
import * as accounts from '../accounts.js';
import { CognitoAuthError, toAuthError } from '../errors.js';
import { challenged, signedOut } from '../machine.js';
import type { SignInResult, StoreCore } from '../store-core.js';
import type { CodeDelivery } from '../types.js';
import { signInWith, type ActionOptions } from './sign-in.js';

export interface SignUpOptions extends ActionOptions {
  /** More user attributes the pool requires, by Cognito name (`name`, `phone_number`, …). */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/**
 * Creates an account. Resolves in the `confirmSignUp` state when a code must confirm it (where the code went is in
 * the state), or signed in (reason `sign-up`) when the pool confirmed it at once.
 */
export async function signUp(
  core: StoreCore,
  email: string,
  password: string,
  options: SignUpOptions = {},
): Promise<SignInResult> {
  const { origin } = options;
  const problem = core.configError() ?? alreadySignedIn(core);
  if (problem) throw core.fail(problem, 'signUp', origin);
  const username = email.trim();
  return core.act('signUp', origin, async () => {
    const created = await core.deadline(
      accounts.signUp(username, password, options.attributes ?? {}, core.configuration.timeoutMs),
    );
    core.emit(
      new CognitoAccountCreatedEvent({ username, confirmed: created.confirmed, delivery: created.delivery }),
      origin,
    );
    if (created.confirmed) return signInWith(core, username, password, { reason: 'sign-up', origin });
    return core.waitFor(
      { step: 'CONFIRM_SIGN_UP', email: username, delivery: created.delivery, confirmed: false },
      origin,
      { password, reason: 'sign-up' },
    );
  });
}

/**
 * Confirms the account with the code, then signs in with the held password (reason `sign-up`, or `sign-in` when the
 * step came from a sign-in). Without one (the store was asked to confirm an account it did not create), it ends
 * signed out with the account confirmed.
 */
export async function confirmSignUp(core: StoreCore, code: string, options: ActionOptions = {}): Promise<SignInResult> {
  const { origin } = options;
  const state = core.state;
  if (state.status !== 'confirmSignUp') throw core.fail(noStep('confirm sign-up'), 'confirmSignUp', origin);
  const { pending } = state;
  return core.act('confirmSignUp', origin, async () => {
    const held = core.held;
    if (!pending.confirmed) {
      await core
        .deadline(accounts.confirmSignUp(pending.email, code.trim(), core.configuration.timeoutMs))
        .catch((error: unknown) => {
          // Confirmed meanwhile (in another tab, by an administrator): what this step wanted is done.
          if (!/current status is CONFIRMED/i.test(toAuthError(error).message)) throw error;
        });
      // Left meanwhile (Back, another tab's sign-in): nothing more to do here, and no sign-in with the held password.
      const now = core.state;
      if (now.status !== 'confirmSignUp' || now.pending.email !== pending.email) return 'DONE';
      // A failed sign-in after this must not ask for the code again: a retry only signs in.
      core.set(challenged(now, { ...pending, confirmed: true }));
    }
    if (!held) {
      core.transition(signedOut(core.state), {}, origin);
      return 'DONE';
    }
    return signInWith(core, pending.email, held.password, { reason: held.reason, origin });
  });
}

/** Sends a new code for the account waiting for confirmation; resolves with where it went. */
export async function resendSignUpCode(core: StoreCore, options: ActionOptions = {}): Promise<CodeDelivery | null> {
  const { origin } = options;
  const state = core.state;
  if (state.status !== 'confirmSignUp') throw core.fail(noStep('confirm sign-up'), 'resendSignUpCode', origin);
  let delivery: CodeDelivery | null = null;
  await core.act('resendSignUpCode', origin, async () => {
    delivery = await core.deadline(accounts.resendSignUpCode(state.pending.email, core.configuration.timeoutMs));
    const now = core.state;
    if (now.status === 'confirmSignUp')
      core.set(challenged(now, { ...now.pending, delivery: delivery ?? now.pending.delivery }));
    return 'CONFIRM_SIGN_UP';
  });
  return delivery;
}

export const noStep = (what: string): CognitoAuthError =>
  new CognitoAuthError('NoChallenge', `No ${what} step is waiting`, 'unknown');

/** A journey that starts signed out may not start while someone is signed in (another tab's sign-in included). */
export const alreadySignedIn = (core: StoreCore): CognitoAuthError | undefined =>
  core.state.status === 'signedIn'
    ? new CognitoAuthError('UserAlreadyAuthenticatedException', 'There is already a signed in user.', 'alreadySignedIn')
    : undefined;
