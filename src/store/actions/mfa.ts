/**
 * The multi-factor steps of a sign-in (Amplify's `confirmSignIn` answers all of them): a code from an authenticator
 * app, a text message or an email; the choice of a factor; and, where the pool requires MFA, setting one up (an
 * authenticator app's secret and its first code, or the address email codes go to).
 */
import * as amplify from '../amplify.js';
import { CognitoAuthError, toAuthError } from '../errors.js';
import { signedOut } from '../machine.js';
import type { SignInResult, StoreCore } from '../store-core.js';
import type { MfaFactor, MfaStep } from '../types.js';
import { continueSignIn, type ActionOptions } from './sign-in.js';

/**
 * The authenticator-app setups whose answer was lost on the way (no network, no answer in time): Amplify verifies
 * the app's first code (VerifySoftwareToken) and then answers the challenge, so the code may have been taken while
 * the answer was not. A retry then cannot verify again; the way on is a new sign-in, which says so.
 */
const lostSetupAnswers = new WeakSet<MfaStep>();

/** The step that waits, when it is an MFA step; else a rejection (and `cognito-error`). */
function waitingMfa(core: StoreCore, origin: EventTarget | undefined): MfaStep {
  const state = core.state;
  if (state.status === 'mfa') return state.pending;
  throw core.fail(new CognitoAuthError('NoChallenge', 'No MFA step is waiting', 'unknown'), 'confirmMfa', origin);
}

/**
 * Answers the MFA step that waits: the code (a code step, or the first code of an authenticator app being set up),
 * the factor (`TOTP`, `SMS`, `EMAIL`: a choice step), or the address codes go to (email setup). Resolves with where
 * the sign-in is then (signed in, or the next step); rejects with a CognitoAuthError, the step still waiting
 * (a wrong code can be typed again) unless the challenge expired (then signed out, notice `sessionExpired`).
 */
export async function confirmMfa(core: StoreCore, answer: string, options: ActionOptions = {}): Promise<SignInResult> {
  const { origin } = options;
  const step = waitingMfa(core, origin);
  const value = answer.trim();
  if (
    (step.step === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' ||
      step.step === 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION') &&
    !step.factors.includes(value as MfaFactor)
  ) {
    const error = new CognitoAuthError(
      'InvalidParameterException',
      `Choose one of ${step.factors.join(', ')}`,
      'invalidParameter',
    );
    throw core.fail(error, 'confirmMfa', origin);
  }
  return core.act('confirmMfa', origin, async () => {
    const next = await core.deadline(amplify.answerChallenge(value)).catch((error: unknown) => {
      if (step.step === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') afterSetupFailure(core, step, error, origin);
      throw error;
    });
    return continueSignIn(core, step.email, next, { reason: core.stepReason, origin });
  });
}

/** A failed answer to an app's setup: a lost one is remembered; after it, anything but a wrong code ends the sign-in. */
function afterSetupFailure(core: StoreCore, step: MfaStep, error: unknown, origin: EventTarget | undefined): void {
  const { code } = toAuthError(error);
  if (code === 'network' || code === 'timeout' || code === 'offline') lostSetupAnswers.add(step);
  else if (lostSetupAnswers.has(step) && code !== 'codeMismatch' && core.state.pending === step) {
    core.transition(signedOut(core.state, 'mfaSetupInterrupted'), {}, origin);
  }
}
