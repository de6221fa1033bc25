/**
 * The multi-factor steps of a sign-in (Amplify's `confirmSignIn` answers all of them): a code from an authenticator
 * app, a text message or an email; the choice of a factor; and, where the pool requires MFA, setting one up (an
 * authenticator app's secret and its first code, or the address email codes go to).
 */
import * as amplify from '../amplify.js';
import { CognitoAuthError } from '../errors.js';
import type { SignInResult, StoreCore } from '../store-core.js';
import type { MfaFactor, MfaStep } from '../types.js';
import { continueSignIn, type ActionOptions } from './sign-in.js';

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
    const next = await core.deadline(amplify.answerChallenge(value));
    return continueSignIn(core, step.email, next, { reason: core.stepReason, origin });
  });
}
