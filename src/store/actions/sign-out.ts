/** Signing out: here (revoking this sign-in's refresh token) or on every device. */
import * as amplify from '../amplify.js';
import { toAuthError } from '../errors.js';
import type { StoreCore } from '../store-core.js';
import type { ActionOptions } from './sign-in.js';

/** How long a local sign-out waits for RevokeToken before it clears this browser anyway. */
const REVOKE_GRACE_MS = 2_000;

export interface SignOutOptions extends ActionOptions {
  /** Ends every session of the user (GlobalSignOut), not only this browser's. */
  readonly global?: boolean;
}

/**
 * Signing out here does not depend on the network: this browser is cleared within a couple of seconds whatever
 * RevokeToken does. A global sign-out that Cognito did not confirm (no network, no answer, a service error, an
 * answer that is not Cognito's) rejects with a CognitoAuthError and leaves this browser signed in, so that the user
 * can try again: never a silent "signed out" while other devices stay signed in. An access token already revoked
 * means this session has ended anyway: then it signs out here.
 */
export async function signOut(core: StoreCore, options: SignOutOptions = {}): Promise<void> {
  const { origin } = options;
  if (core.state.status !== 'signedIn') return;
  // No refresh may store new tokens while this browser is being cleared.
  core.follower.stop();
  const timeoutMs = core.configuration.timeoutMs;
  await core.act('signOut', origin, async () => {
    if (options.global) {
      await core.deadline(amplify.globalSignOut(timeoutMs)).catch((error: unknown) => {
        if (toAuthError(error).name !== 'NotAuthorizedException') throw error;
      });
      // GlobalSignOut has ended every refresh token: nothing is left to revoke.
      await amplify.signOutHere({ revoke: false, timeoutMs, graceMs: 0 });
    } else {
      await amplify.signOutHere({ revoke: true, timeoutMs, graceMs: REVOKE_GRACE_MS });
    }
    return 'DONE';
  });
  core.enterSignedOut(options.global ? 'global' : 'user', origin);
}
