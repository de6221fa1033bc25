/**
 * Amplify's calls for a signed-in user's MFA settings, apart from amplify.ts so that they load with the settings
 * (actions/mfa-settings.ts, on demand): a page that only signs in does not carry them. Same rules as amplify.ts:
 * plain data in and out, Amplify's errors passed through untouched.
 */
import { fetchMFAPreference, setUpTOTP, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import type { MfaFactor, MfaSettings } from './types.js';

/** The signed-in user's second factors (Cognito GetUser). */
export async function mfaPreference(): Promise<MfaSettings> {
  const { enabled, preferred } = await fetchMFAPreference();
  return { enabled: enabled ?? [], preferred: preferred ?? null };
}

/** Starts setting up an authenticator app for the signed-in user (AssociateSoftwareToken): its secret. */
export async function setUpTotp(): Promise<string> {
  return (await setUpTOTP()).sharedSecret;
}

/** The first code of the app being set up (VerifySoftwareToken): it is then verified, not yet a factor. */
export async function verifyTotp(code: string): Promise<void> {
  await verifyTOTPSetup({ code });
}

/** Turns one factor on, off, or makes it the preferred one (SetUserMFAPreference; the others are left as they are). */
export async function updateMfaFactor(
  factor: MfaFactor,
  preference: 'ENABLED' | 'DISABLED' | 'PREFERRED',
): Promise<void> {
  const key = factor === 'TOTP' ? 'totp' : factor === 'SMS' ? 'sms' : 'email';
  await updateMFAPreference({ [key]: preference });
}
