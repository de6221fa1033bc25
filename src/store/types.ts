/** The auth store's public types (no runtime code). */

/**
 * `loading` until the stored session is known; `signedOut`; `signedIn`; and one status per step that waits for the
 * user: `newPasswordRequired` (first sign-in with a temporary password), `confirmSignUp` (the code that confirms a
 * new account), `resetPassword` (the code and new password of a password reset), `mfa` (a second factor: a code,
 * the choice of a factor, or setting one up; `pending.step` says which).
 */
export type AuthStatus =
  'loading' | 'signedOut' | 'newPasswordRequired' | 'confirmSignUp' | 'resetPassword' | 'mfa' | 'signedIn';

/** The signed-in user, from the ID token (no extra request). */
export interface AuthUser {
  /** Cognito's username: for pools with email sign-in, the user's sub. */
  readonly username: string;
  /** The `sub` claim. */
  readonly userId: string;
  readonly email: string | undefined;
}

/**
 * Amplify's `signInStep` values (aws-amplify 6): what a sign-in needs next. `src/store/amplify.ts` checks at compile
 * time that Amplify's own union fits in this one.
 */
export type SignInStep =
  | 'DONE'
  | 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'
  | 'CONFIRM_SIGN_IN_WITH_TOTP_CODE'
  | 'CONFIRM_SIGN_IN_WITH_SMS_CODE'
  | 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE'
  | 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE'
  | 'CONFIRM_SIGN_IN_WITH_PASSWORD'
  | 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'
  | 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP'
  | 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION'
  | 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION'
  | 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION'
  | 'CONFIRM_SIGN_UP'
  | 'RESET_PASSWORD';

/** Every step a journey can be at: a sign-in step, or Amplify's step of a password reset. */
export type JourneyStep = SignInStep | 'CONFIRM_RESET_PASSWORD_WITH_CODE';

/** Why the user is back at the sign-in form when it was not their doing. */
export type StoreNotice =
  | 'sessionExpired'
  /** An authenticator app's setup at sign-in may not have finished (its answer was lost): sign in again. */
  | 'mfaSetupInterrupted';

/** Where Cognito sent a code, masked as Cognito masks it (`d***@e***`, `+*******0123`). */
export interface CodeDelivery {
  readonly destination: string;
  readonly medium: 'EMAIL' | 'SMS';
  /** The attribute the code went to: `email`, `phone_number`. */
  readonly attribute: string;
}

/** The first sign-in with a temporary password: a new password is needed. */
export interface NewPasswordStep {
  readonly step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED';
  /** The email the user signed in with (for the password manager's hidden username field). */
  readonly email: string;
  /** Attributes Cognito requires before it completes the challenge, e.g. `name`, `phone_number`. */
  readonly missingAttributes: readonly string[];
}

/** A new account waits for the code that confirms it. */
export interface ConfirmSignUpStep {
  readonly step: 'CONFIRM_SIGN_UP';
  readonly email: string;
  /** Where the code went; null when Cognito did not say. */
  readonly delivery: CodeDelivery | null;
  /** The code was accepted, the sign-in that follows has not completed yet (a retry only signs in). */
  readonly confirmed: boolean;
}

/**
 * A password reset waits for the code and the new password. For an email with no account this step looks the
 * same (Cognito's PreventUserExistenceErrors): nobody learns from it who has an account.
 */
export interface ResetPasswordStep {
  readonly step: 'CONFIRM_RESET_PASSWORD_WITH_CODE';
  readonly email: string;
  readonly delivery: CodeDelivery | null;
}

/** A second factor: a code from an authenticator app (`TOTP`), a text message (`SMS`) or an email (`EMAIL`). */
export type MfaFactor = 'TOTP' | 'SMS' | 'EMAIL';

/** A signed-in user's second factors, as Cognito keeps them (Amplify's `fetchMFAPreference`). */
export interface MfaSettings {
  /** The factors that are on, in Cognito's order. */
  readonly enabled: readonly MfaFactor[];
  /** The factor a sign-in asks for first; null when none is preferred. */
  readonly preferred: MfaFactor | null;
}

/** What `setMfaFactor` does to a factor: turn it on, turn it off, or make it the preferred one (on as well). */
export type MfaFactorChange = 'enabled' | 'disabled' | 'preferred';

/** An authenticator app being set up from a signed-in page: its shared secret (base32), for the QR code and key. */
export interface TotpSetup {
  readonly secret: string;
}

/** The sign-in waits for a code of the second factor. */
export interface MfaCodeStep {
  readonly step: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' | 'CONFIRM_SIGN_IN_WITH_SMS_CODE' | 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE';
  readonly email: string;
  readonly factor: MfaFactor;
  /** Where a text-message or email code went (masked); null for an authenticator app, or when Cognito did not say. */
  readonly delivery: CodeDelivery | null;
}

/**
 * The user chooses a factor: for this sign-in (`CONTINUE_SIGN_IN_WITH_MFA_SELECTION`, several are on), or to set up
 * (`CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION`, the pool requires MFA and the user has none).
 */
export interface MfaChoiceStep {
  readonly step: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' | 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION';
  readonly email: string;
  readonly factors: readonly MfaFactor[];
}

/**
 * The pool requires MFA: the user adds this secret to an authenticator app (a QR code of its `otpauth://` URI, or
 * typed), then answers with the app's first code.
 */
export interface TotpSetupStep {
  readonly step: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP';
  readonly email: string;
  /** The shared secret, base32. Shown to the user on purpose: it is what the app needs. */
  readonly secret: string;
}

/** The pool requires MFA by email: the user gives the address codes go to (a code is then sent there). */
export interface EmailMfaSetupStep {
  readonly step: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP';
  readonly email: string;
}

/** The steps of a second factor (status `mfa`). */
export type MfaStep = MfaCodeStep | MfaChoiceStep | TotpSetupStep | EmailMfaSetupStep;

/** The step that is waiting for the user. */
export type PendingStep = NewPasswordStep | ConfirmSignUpStep | ResetPasswordStep | MfaStep;

export type AuthFlow = 'srp' | 'password';
export type TokenStorage = 'local' | 'session';

export interface CognitoConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** A custom user-pool endpoint: the local service, or a proxy. */
  readonly userPoolEndpoint?: string | undefined;
  /** `local` (default: survives the browser closing) or `session` (this tab only: for shared computers). */
  readonly storage?: TokenStorage | undefined;
  /** `srp` (default, the password never leaves the browser) or `password` (USER_PASSWORD_AUTH). */
  readonly authFlow?: AuthFlow | undefined;
  /**
   * The deadline of every network action (sign-in, a challenge answer, sign-out, a refresh, reading tokens), in
   * milliseconds; default 15000. An action with no answer by then fails with `TimeoutError`.
   */
  readonly timeoutMs?: number | undefined;
}

/** What is wrong with the configuration, for a message that names it. */
export interface ConfigProblem {
  readonly code:
    | 'missing'
    | 'missingPoolId'
    | 'missingClientId'
    | 'invalidPoolId'
    | 'invalidClientId'
    | 'invalidEndpoint'
    | 'clientNotFound'
    | 'flowNotEnabled'
    | 'conflict';
  /** The offending value, when there is one. */
  readonly value?: string;
}

interface StateBase {
  /**
   * What is wrong with the configuration, while something is (the elements show it, and the status is then
   * `signedOut`, never stuck at `loading`); null when the configuration in use is fine.
   */
  readonly configProblem: ConfigProblem | null;
}

/**
 * The auth state, one variant per status: the user exists only when signed in, the pending step only while a
 * challenge waits.
 */
export type AuthState =
  | (StateBase & { readonly status: 'loading'; readonly user: null; readonly pending: null; readonly notice: null })
  | (StateBase & {
      readonly status: 'signedOut';
      readonly user: null;
      readonly pending: null;
      /** Why the user is back at the sign-in form, when it was not their doing. */
      readonly notice: StoreNotice | null;
    })
  | (StateBase & {
      readonly status: 'newPasswordRequired';
      readonly user: null;
      readonly pending: NewPasswordStep;
      readonly notice: null;
    })
  | (StateBase & {
      readonly status: 'confirmSignUp';
      readonly user: null;
      readonly pending: ConfirmSignUpStep;
      readonly notice: null;
    })
  | (StateBase & {
      readonly status: 'resetPassword';
      readonly user: null;
      readonly pending: ResetPasswordStep;
      readonly notice: null;
    })
  | (StateBase & {
      readonly status: 'mfa';
      readonly user: null;
      readonly pending: MfaStep;
      readonly notice: null;
    })
  | (StateBase & {
      readonly status: 'signedIn';
      readonly user: AuthUser;
      readonly pending: null;
      readonly notice: null;
    });

export interface AuthTokens {
  readonly idToken: string;
  readonly accessToken: string;
  /** Decoded claims of the ID token. */
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
  /** When the ID token was issued. */
  readonly issuedAt: Date;
  /** When the first of the ID and access tokens expires. */
  readonly expiresAt: Date;
}
