/** The auth store's public types (no runtime code). */
import type { MessageKey } from '../i18n/types.js';

export type AuthStatus = 'loading' | 'signedOut' | 'newPasswordRequired' | 'signedIn';

/** The signed-in user, from the ID token (no extra request). */
export interface AuthUser {
  /** Cognito's username: for pools with email sign-in, the user's sub. */
  readonly username: string;
  /** The `sub` claim. */
  readonly userId: string;
  readonly email: string | undefined;
}

/** The sign-in step that is waiting for the user. */
export interface PendingStep {
  readonly step: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED';
  /** The email the user signed in with (for the password manager's hidden username field). */
  readonly email: string;
  /** Attributes Cognito requires before it completes the challenge, e.g. `name`, `phone_number`. */
  readonly missingAttributes: readonly string[];
}

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
  readonly code: 'missing' | 'missingPoolId' | 'missingClientId' | 'invalidPoolId' | 'invalidClientId' | 'invalidEndpoint' | 'clientNotFound' | 'flowNotEnabled' | 'conflict';
  /** The offending value, when there is one. */
  readonly value?: string;
}

export interface AuthState {
  readonly status: AuthStatus;
  readonly user: AuthUser | null;
  /** Set while status is `newPasswordRequired`. */
  readonly pending: PendingStep | null;
  /**
   * What is wrong with the configuration, while something is (the elements show it, and the status is then
   * `signedOut`, never stuck at `loading`); null when the configuration in use is fine.
   */
  readonly configProblem: ConfigProblem | null;
  /** Why the user is back at the sign-in form, when it was not their doing (e.g. `error.sessionExpired`). */
  readonly notice: MessageKey | null;
}

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
