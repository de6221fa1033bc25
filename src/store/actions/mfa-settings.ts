/**
 * The second factors of a signed-in user, for a settings page: which are on and which is preferred; setting up an
 * authenticator app (its secret, then its first code, then it becomes the preferred factor); turning a factor on or
 * off; preferring another. Each change is told once, as `cognito-mfa-change` with the settings Cognito keeps after
 * it (read back, not guessed). Every call has the store's deadline; a failure is reported once (`cognito-error`).
 */
import { CognitoMfaChangeEvent, type AuthAction } from '../../events.js';
import * as amplify from '../amplify-mfa-settings.js';
import { CognitoAuthError } from '../errors.js';
import type { StoreCore } from '../store-core.js';
import type { MfaFactor, MfaFactorChange, MfaSettings, TotpSetup } from '../types.js';
import type { ActionOptions } from './sign-in.js';

const FACTORS: readonly MfaFactor[] = ['TOTP', 'SMS', 'EMAIL'];
const PREFERENCE = { enabled: 'ENABLED', disabled: 'DISABLED', preferred: 'PREFERRED' } as const;

/**
 * Per store: the user whose app's first code Cognito accepted, while that app is not yet a factor. A retry after
 * the next call failed (no network) only makes it preferred: Cognito takes a code once, and the verified app has no
 * pending secret left to check a second code against.
 */
const verified = new WeakMap<StoreCore, string>();

/** Runs `work` for the signed-in user; a failure (or no one signed in) is reported once and rethrown. */
async function forSignedInUser<T>(
  core: StoreCore,
  action: AuthAction,
  origin: EventTarget | undefined,
  work: (userId: string) => Promise<T>,
): Promise<T> {
  const problem = core.configError();
  if (problem) throw core.fail(problem, action, origin);
  const state = core.state;
  if (state.status !== 'signedIn') {
    throw core.fail(new CognitoAuthError('NotSignedIn', 'No user is signed in', 'notSignedIn'), action, origin);
  }
  try {
    return await work(state.user.userId);
  } catch (error) {
    throw core.fail(error, action, origin);
  }
}

/** The settings after a change, as Cognito keeps them, told once as `cognito-mfa-change`. */
async function changed(core: StoreCore, origin: EventTarget | undefined): Promise<MfaSettings> {
  const settings = await core.deadline(amplify.mfaPreference());
  core.emit(new CognitoMfaChangeEvent({ enabled: [...settings.enabled], preferred: settings.preferred }), origin);
  return settings;
}

/** The signed-in user's factors and preference (Cognito GetUser). No event: nothing changed. */
export function getMfaSettings(core: StoreCore, options: ActionOptions = {}): Promise<MfaSettings> {
  return forSignedInUser(core, 'getMfaSettings', options.origin, () => core.deadline(amplify.mfaPreference()));
}

/**
 * Starts setting up an authenticator app: the secret for its QR code and key. Nothing is on yet: abandoning the
 * setup here (Cancel) leaves the user's factors as they were.
 */
export function startTotpSetup(core: StoreCore, options: ActionOptions = {}): Promise<TotpSetup> {
  return forSignedInUser(core, 'startTotpSetup', options.origin, async () => {
    const secret = await core.deadline(amplify.setUpTotp());
    verified.delete(core);
    return { secret };
  });
}

/**
 * The first code of the app being set up: verified, then made the preferred factor (on as well). Resolves with the
 * settings after it (and `cognito-mfa-change`); a wrong code rejects with `codeMismatch` and can be typed again.
 */
export function verifyTotpSetup(core: StoreCore, code: string, options: ActionOptions = {}): Promise<MfaSettings> {
  const { origin } = options;
  return forSignedInUser(core, 'verifyTotpSetup', origin, async (userId) => {
    if (verified.get(core) !== userId) {
      await core.deadline(amplify.verifyTotp(code.replace(/\s/g, '')));
      verified.set(core, userId);
    }
    await core.deadline(amplify.updateMfaFactor('TOTP', 'PREFERRED'));
    verified.delete(core);
    return changed(core, origin);
  });
}

/**
 * Turns a factor on (`enabled`), off (`disabled`: no longer preferred either), or makes it the preferred one
 * (`preferred`: on as well). The other factors stay as they are. Resolves with the settings after it (and
 * `cognito-mfa-change`). An authenticator app is turned on by `verifyTotpSetup`; `enabled` works for it only
 * when the app was verified before.
 */
export function setMfaFactor(
  core: StoreCore,
  factor: MfaFactor,
  change: MfaFactorChange,
  options: ActionOptions = {},
): Promise<MfaSettings> {
  const { origin } = options;
  return forSignedInUser(core, 'setMfaFactor', origin, async () => {
    if (!FACTORS.includes(factor) || !(change in PREFERENCE)) {
      throw new CognitoAuthError(
        'InvalidParameterException',
        `Unknown factor or change: ${factor}, ${change}`,
        'invalidParameter',
      );
    }
    await core.deadline(amplify.updateMfaFactor(factor, PREFERENCE[change]));
    return changed(core, origin);
  });
}
