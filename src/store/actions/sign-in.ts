/**
 * Sign-in and the challenges that follow it. Each Amplify step that waits for the user becomes a state (machine.ts)
 * and a `cognito-next-step` event; `DONE` signs in.
 */
import { CognitoNextStepEvent, type SignedInReason } from '../../events.js';
import * as accounts from '../accounts.js';
import * as amplify from '../amplify.js';
import { CognitoAuthError, toAuthError } from '../errors.js';
import { signedOut } from '../machine.js';
import type { SignInResult, StoreCore } from '../store-core.js';
import type { AuthFlow, JourneyStep, MfaCodeStep, MfaFactor, PendingStep, SignInStep } from '../types.js';

export interface ActionOptions {
  /** The element the action comes from: its events are dispatched on it. Default: `document`. */
  readonly origin?: EventTarget | undefined;
}

export interface SignInOptions extends ActionOptions {
  /** Overrides the configured flow for this sign-in. */
  readonly authFlow?: AuthFlow | undefined;
  /**
   * Where this sign-in's tokens live: `true` in localStorage (kept after the browser closes, shared by tabs),
   * `false` in sessionStorage (gone with the tab: a shared computer). Default: the configured storage.
   */
  readonly remember?: boolean | undefined;
}

/** Signs in with email and password (SRP unless the flow is `password`). Rejects with a CognitoAuthError. */
export async function signIn(
  core: StoreCore,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const { origin } = options;
  const problem = core.configError();
  if (problem) throw core.fail(problem, 'signIn', origin);
  if (core.state.notice) core.set(signedOut(core.state));
  if (options.remember !== undefined) core.useStorageForNextSignIn(options.remember ? 'local' : 'session');
  try {
    return await core.act('signIn', origin, () =>
      signInWith(core, email.trim(), password, { reason: 'sign-in', origin, flow: options.authFlow }),
    );
  } catch (error) {
    // A failed attempt leaves nothing of its storage choice behind (the next attempt chooses again).
    if (core.state.status !== 'signedIn') core.restoreStorage();
    throw error;
  }
}

interface Continuation {
  readonly reason: SignedInReason;
  readonly origin: EventTarget | undefined;
  readonly flow?: AuthFlow | undefined;
}

/**
 * A sign-in, and where its step leads: signed in, or a step that waits for the user. Also how a confirmed sign-up
 * and a reset password end, with their own reason.
 */
export async function signInWith(
  core: StoreCore,
  email: string,
  password: string,
  then: Continuation,
): Promise<JourneyStep> {
  // A sign-in that Cognito completes after its deadline still stores tokens: the Hub follower then shows the
  // user signed in (reason `sign-in`), which is the truth.
  const flow = then.flow ?? core.configuration.inUse?.authFlow ?? 'srp';
  const step = await core.deadline(amplify.signInWithPassword(email, password, flow)).catch(async (error: unknown) => {
    // An earlier sign-in, abandoned at its deadline, completed meanwhile (its Hub echo was ignored while this
    // one ran): the user is signed in.
    const stored =
      toAuthError(error).name === 'UserAlreadyAuthenticatedException' ? await amplify.storedTokens() : undefined;
    if (stored && stored.idTokenClaims['email'] === email) {
      return { ...NO_DETAILS, done: true, step: 'DONE' as const };
    }
    throw error;
  });
  return continueSignIn(core, email, step, then, password);
}

const NO_DETAILS = { missingAttributes: [], factors: [], delivery: null, totpSecret: null } as const;

/**
 * Where a sign-in goes after an answer: signed in (with the journey's reason), or the step that waits for the user
 * next. `password` is the one just typed, held only for the code step of an unconfirmed account.
 */
export async function continueSignIn(
  core: StoreCore,
  email: string,
  step: amplify.StepResult,
  then: Continuation,
  password?: string,
): Promise<JourneyStep> {
  if (step.done) return core.enterSignedIn(then.reason, then.origin);
  const waiting = STEPS[step.step];
  if (waiting) {
    const pending = await waiting({ core, email, step });
    // Amplify's step, when the one that waits is another (RESET_PASSWORD → CONFIRM_RESET_PASSWORD_WITH_CODE).
    if (pending.step !== step.step) core.emit(new CognitoNextStepEvent({ step: step.step }), then.origin);
    // A step that ends in a sign-in (a new password, MFA) ends it with the journey's reason.
    core.stepReason = then.reason;
    // The code step of an unconfirmed account signs in with this password once the code is accepted.
    return core.waitFor(
      pending,
      then.origin,
      pending.step === 'CONFIRM_SIGN_UP' && password !== undefined ? { password, reason: then.reason } : undefined,
    );
  }
  // A step no element shows (a custom challenge): said with `cognito-next-step`; the state stays as it is.
  core.emit(new CognitoNextStepEvent({ step: step.step }), then.origin);
  return step.step;
}

interface StepContext {
  readonly core: StoreCore;
  readonly email: string;
  readonly step: amplify.StepResult;
}

/** An MFA code step: the factor it asks for, and where its code went. */
const mfaCode =
  (step: MfaCodeStep['step'], factor: MfaFactor) =>
  ({ email, step: result }: StepContext): MfaCodeStep => ({
    step,
    email,
    factor,
    delivery: factor === 'TOTP' ? null : result.delivery,
  });

/** The sign-in steps that wait for the user, and the state each waits in: a new step is one entry here. */
const STEPS: Partial<Record<SignInStep, (context: StepContext) => Promise<PendingStep> | PendingStep>> = {
  CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: ({ email, step }) => ({
    step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
    email,
    missingAttributes: step.missingAttributes,
  }),
  // An account that was never confirmed: a fresh code (the first one may be long gone), then the code step; the
  // password just typed signs in once it is confirmed.
  CONFIRM_SIGN_UP: async ({ core, email }) => {
    // If no new code can be sent now (Cognito's send limit, no network), the one already sent still works.
    const delivery = await core
      .deadline(accounts.resendSignUpCode(email, core.configuration.timeoutMs))
      .catch(() => null);
    return { step: 'CONFIRM_SIGN_UP', email, delivery, confirmed: false };
  },
  // A reset the administrator required: a code to the account's address, then the reset step.
  RESET_PASSWORD: async ({ core, email }) => {
    // The administrator's reset already sent a code; a fresh one is better, but not required.
    const delivery = await core
      .deadline(accounts.forgotPassword(email, core.configuration.timeoutMs))
      .catch(() => null);
    return { step: 'CONFIRM_RESET_PASSWORD_WITH_CODE', email, delivery };
  },
  CONFIRM_SIGN_IN_WITH_TOTP_CODE: mfaCode('CONFIRM_SIGN_IN_WITH_TOTP_CODE', 'TOTP'),
  CONFIRM_SIGN_IN_WITH_SMS_CODE: mfaCode('CONFIRM_SIGN_IN_WITH_SMS_CODE', 'SMS'),
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE: mfaCode('CONFIRM_SIGN_IN_WITH_EMAIL_CODE', 'EMAIL'),
  CONTINUE_SIGN_IN_WITH_MFA_SELECTION: ({ email, step }) => ({
    step: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
    email,
    factors: step.factors,
  }),
  CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION: ({ email, step }) => ({
    step: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
    email,
    factors: step.factors,
  }),
  CONTINUE_SIGN_IN_WITH_TOTP_SETUP: ({ email, step }) => {
    if (!step.totpSecret) throw new CognitoAuthError('TotpSetupError', 'Cognito sent no secret to set up', 'unknown');
    return { step: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP', email, secret: step.totpSecret };
  },
  CONTINUE_SIGN_IN_WITH_EMAIL_SETUP: ({ email }) => ({ step: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP', email }),
};

/** Answers the first-login challenge with a new password (and any attributes Cognito asked for). */
export async function completeNewPassword(
  core: StoreCore,
  password: string,
  attributes: Readonly<Record<string, string>> = {},
  options: ActionOptions = {},
): Promise<SignInResult> {
  const { origin } = options;
  if (core.state.status !== 'newPasswordRequired') {
    const error = new CognitoAuthError('NoChallenge', 'No new-password challenge is waiting', 'unknown');
    throw core.fail(error, 'completeNewPassword', origin);
  }
  return core.act('completeNewPassword', origin, async () => {
    const step = await core.deadline(amplify.completeNewPassword(password, attributes));
    return continueSignIn(core, core.state.pending?.email ?? '', step, { reason: 'new-password', origin });
  });
}

/** Abandons the step that waits (Back): signed out again; a held password is dropped. */
export function cancelStep(core: StoreCore, options: ActionOptions = {}): void {
  if (!core.state.pending) return;
  core.restoreStorage();
  core.transition(signedOut(core.state), {}, options.origin);
}
