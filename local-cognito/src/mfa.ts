/**
 * Multi-factor authentication as Cognito does it: the pool's configuration (OFF, OPTIONAL, ON and the factors it
 * enables), each user's factors and preference, TOTP (RFC 6238 through the `otpauth` library) and which challenge
 * follows a proven password. cognito-local has the pool settings without email, TOTP by access token only, no
 * EMAIL_OTP and no MFA_SETUP; the targets that use this module replace its handling.
 *
 * What is stored (in the pool's data file, with cognito-local's field names where it has them):
 * - pool options: `MfaConfiguration`, `SoftwareTokenMfaConfiguration: { Enabled }`, and `SmsMfaConfiguration` /
 *   `EmailMfaConfiguration`, present when that factor is enabled (as GetUserPoolMfaConfig shows them);
 * - users: `UserMFASettingList`, `PreferredMfaSetting`, `SoftwareTokenMfaConfiguration: { Secret, Verified,
 *   FriendlyDeviceName, LastUsedStep }` (the verified token) and `PendingSoftwareToken: { Secret }` (associated,
 *   not yet verified: Cognito replaces the old token only once the new one is verified, documented).
 */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';

export type MfaFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
export type MfaMode = 'OFF' | 'OPTIONAL' | 'ON';

/** The order Cognito lists factors in MFAS_CAN_CHOOSE / MFAS_CAN_SETUP (SMS first, as seen in answers). */
export const FACTORS: readonly MfaFactor[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

export interface PoolMfa {
  readonly mode: MfaMode;
  readonly factors: ReadonlySet<MfaFactor>;
}

export interface SoftwareToken {
  readonly Secret: string;
  readonly Verified: boolean;
  readonly FriendlyDeviceName?: string;
  /** The RFC 6238 time step of the last code accepted: that code, and older ones, are not accepted again. */
  readonly LastUsedStep?: number;
}

export type MfaUser = User & {
  SoftwareTokenMfaConfiguration?: SoftwareToken;
  PendingSoftwareToken?: { readonly Secret: string };
};

export type PoolOptionsWithMfa = UserPoolService['options'] & {
  SmsMfaConfiguration?: Record<string, unknown>;
  EmailMfaConfiguration?: Record<string, unknown>;
};

export function poolMfa(pool: UserPoolService): PoolMfa {
  const options = pool.options as PoolOptionsWithMfa;
  const mode = (options.MfaConfiguration ?? 'OFF') as MfaMode;
  const factors = new Set<MfaFactor>();
  if (options.SoftwareTokenMfaConfiguration?.Enabled) factors.add('SOFTWARE_TOKEN_MFA');
  // A pool made by CreateUserPool with an SmsConfiguration and MFA on has SMS MFA without a SetUserPoolMfaConfig.
  if (options.SmsMfaConfiguration || (mode !== 'OFF' && options.SmsConfiguration)) factors.add('SMS_MFA');
  if (options.EmailMfaConfiguration) factors.add('EMAIL_OTP');
  return { mode, factors };
}

export function attribute(user: User, name: string): string | undefined {
  return user.Attributes.find((a) => a.Name === name)?.Value;
}

/** The factors a user has turned on that can be used now (a verified token; an address for SMS and email). */
export function enabledFactors(pool: PoolMfa, user: MfaUser): MfaFactor[] {
  const list = new Set(user.UserMFASettingList ?? []);
  // cognito-local's legacy form: an SMS MFAOption.
  if (list.size === 0 && (user.MFAOptions ?? []).some((o) => o.DeliveryMedium === 'SMS')) list.add('SMS_MFA');
  return FACTORS.filter((factor) => {
    if (!list.has(factor)) return false;
    // Documented: a verified token keeps working after the pool stops enabling TOTP.
    if (factor === 'SOFTWARE_TOKEN_MFA') return user.SoftwareTokenMfaConfiguration?.Verified === true;
    if (!pool.factors.has(factor)) return false;
    return attribute(user, factor === 'SMS_MFA' ? 'phone_number' : 'email') !== undefined;
  });
}

/**
 * What follows a proven password for a confirmed user:
 * - pool OFF, or OPTIONAL and the user has no factor on: tokens;
 * - one factor on: its challenge; several: the preferred one, else SELECT_MFA_TYPE;
 * - pool ON and no factor on: a factor the user can use at once (a verified token; SMS or email when the pool
 *   enables it and the user has the address: "SMS and email message MFA require no additional configuration after
 *   your user adds an email address or phone number", documented), several of them SELECT_MFA_TYPE; none:
 *   MFA_SETUP listing what the pool enables. Treating the address as enough in an ON pool is seen for SMS (users with
 *   a phone number get SMS_MFA, not MFA_SETUP) and a guess for email.
 */
export type NextStep =
  | { readonly kind: 'tokens' }
  | { readonly kind: 'challenge'; readonly factor: MfaFactor }
  | { readonly kind: 'select'; readonly factors: readonly MfaFactor[] }
  | { readonly kind: 'setup'; readonly factors: readonly MfaFactor[] };

export function nextStep(pool: PoolMfa, user: MfaUser): NextStep {
  if (pool.mode === 'OFF') return { kind: 'tokens' };
  let factors = enabledFactors(pool, user);
  if (factors.length === 0) {
    if (pool.mode === 'OPTIONAL') return { kind: 'tokens' };
    factors = FACTORS.filter((factor) => {
      if (!pool.factors.has(factor)) return false;
      if (factor === 'SOFTWARE_TOKEN_MFA') return user.SoftwareTokenMfaConfiguration?.Verified === true;
      return attribute(user, factor === 'SMS_MFA' ? 'phone_number' : 'email') !== undefined;
    });
    if (factors.length === 0) return { kind: 'setup', factors: FACTORS.filter((f) => pool.factors.has(f)) };
  }
  if (factors.length === 1) return { kind: 'challenge', factor: factors[0]! };
  const preferred = factors.find((f) => f === user.PreferredMfaSetting);
  return preferred ? { kind: 'challenge', factor: preferred } : { kind: 'select', factors };
}

/** A six-digit code for SMS and email MFA. */
export const messageCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

/** RFC 6238 with Cognito's parameters: SHA-1, six digits, 30-second steps. */
const PERIOD_S = 30;
const totp = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_S });

/**
 * A new secret, base32 like Cognito's: 32 random bytes, 52 characters. The API reference only says "minimum
 * length of 16"; the 52-character secrets are what Cognito answers in published examples and reports.
 */
export const newSecret = (): string => new Secret({ size: 32 }).base32;

/** The current code of a secret and the seconds left in its step. */
export function currentCode(secret: string, now = Date.now()): { code: string; secondsLeft: number } {
  return {
    code: totp(secret).generate({ timestamp: now }),
    secondsLeft: PERIOD_S - (Math.floor(now / 1000) % PERIOD_S),
  };
}

export type TotpCheck =
  { readonly outcome: 'ok'; readonly step: number } | { readonly outcome: 'mismatch' } | { readonly outcome: 'reused' };

/**
 * Checks a code against a secret: the current step and one either side (clock skew, RFC 6238 section 5.2), and
 * never a step at or before the last one accepted for the user (the RFC's "MUST NOT accept the second attempt of
 * the same OTP"; Cognito answers ExpiredCodeException "Your software token has already been used once.", seen).
 */
export function checkTotp(
  secret: string,
  code: unknown,
  lastUsedStep: number | undefined,
  now = Date.now(),
): TotpCheck {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return { outcome: 'mismatch' };
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return { outcome: 'mismatch' };
  const step = Math.floor(now / 1000 / PERIOD_S) + delta;
  if (lastUsedStep !== undefined && step <= lastUsedStep) return { outcome: 'reused' };
  return { outcome: 'ok', step };
}
