/**
 * Every event cognito-elements fires, and the global event-map declarations that type them.
 *
 * All are `CustomEvent`s with a typed, readonly `detail`, `bubbles: true, composed: true`. An event caused by an
 * element (a submit, a sign-out click) is dispatched on that element; one with no element cause (restore on load,
 * another tab, expiry, a JavaScript call) on `document`. A listener on `document` hears every fact exactly once.
 */
import type { AuthStatus, AuthUser, CodeDelivery, JourneyStep, MfaFactor } from './store/types.js';

export type SignedInReason = 'sign-in' | 'new-password' | 'sign-up' | 'password-reset' | 'other-tab';
export type SignedOutReason = 'user' | 'global' | 'other-tab' | 'expired';
/** Which store action failed. */
export type AuthAction =
  | 'configure'
  | 'restore'
  | 'signIn'
  | 'completeNewPassword'
  | 'confirmMfa'
  | 'getMfaSettings'
  | 'startTotpSetup'
  | 'verifyTotpSetup'
  | 'setMfaFactor'
  | 'signUp'
  | 'confirmSignUp'
  | 'resendSignUpCode'
  | 'resetPassword'
  | 'confirmResetPassword'
  | 'signOut'
  | 'getTokens'
  | 'authFetch'
  | 'refresh';

export interface SignedInDetail {
  readonly user: AuthUser;
  readonly reason: SignedInReason;
}
export interface SignedOutDetail {
  readonly reason: SignedOutReason;
}
export interface AuthChangeDetail {
  readonly status: AuthStatus;
  readonly user: AuthUser | null;
}
export interface NextStepDetail {
  /**
   * Amplify's step name: a `signInStep` (`CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED`, `CONFIRM_SIGN_UP`,
   * `RESET_PASSWORD`, …) or `CONFIRM_RESET_PASSWORD_WITH_CODE`.
   */
  readonly step: JourneyStep;
}
export interface AccountCreatedDetail {
  /** The username Cognito created: the email. */
  readonly username: string;
  /** False when a code must confirm the account first. */
  readonly confirmed: boolean;
  /** Where the confirmation code went (masked); null when none was sent. */
  readonly delivery: CodeDelivery | null;
}
export interface PasswordResetDetail {
  readonly username: string;
}
export interface MfaChangeDetail {
  /** The factors that are on after the change, in Cognito's order. */
  readonly enabled: readonly MfaFactor[];
  /** The preferred factor after the change; null when none is. */
  readonly preferred: MfaFactor | null;
}
export interface ErrorDetail {
  /** Cognito's (or Amplify's) error name, e.g. `NotAuthorizedException`, `NetworkError`, `ConfigurationError`. */
  readonly name: string;
  /** The service's own message, in English, for logs; the elements show a localized one. */
  readonly message: string;
  readonly action: AuthAction;
}

const init = <T>(detail: T): CustomEventInit<T> => ({ detail, bubbles: true, composed: true });

/** A sign-in completed, in this tab or another. */
export class CognitoSignedInEvent extends CustomEvent<SignedInDetail> {
  static readonly type = 'cognito-signed-in';
  constructor(detail: SignedInDetail) {
    super(CognitoSignedInEvent.type, init(detail));
  }
}

/** This tab went from signed in to signed out. */
export class CognitoSignedOutEvent extends CustomEvent<SignedOutDetail> {
  static readonly type = 'cognito-signed-out';
  constructor(detail: SignedOutDetail) {
    super(CognitoSignedOutEvent.type, init(detail));
  }
}

/** Every change of `status`, including the first resolution on load. */
export class CognitoAuthChangeEvent extends CustomEvent<AuthChangeDetail> {
  static readonly type = 'cognito-auth-change';
  constructor(detail: AuthChangeDetail) {
    super(CognitoAuthChangeEvent.type, init(detail));
  }
}

/** Sign-in needs another step. */
export class CognitoNextStepEvent extends CustomEvent<NextStepDetail> {
  static readonly type = 'cognito-next-step';
  constructor(detail: NextStepDetail) {
    super(CognitoNextStepEvent.type, init(detail));
  }
}

/** A new account was created (SignUp succeeded). */
export class CognitoAccountCreatedEvent extends CustomEvent<AccountCreatedDetail> {
  static readonly type = 'cognito-account-created';
  constructor(detail: AccountCreatedDetail) {
    super(CognitoAccountCreatedEvent.type, init(detail));
  }
}

/** A password was reset with a code (ConfirmForgotPassword succeeded); the sign-in follows. */
export class CognitoPasswordResetEvent extends CustomEvent<PasswordResetDetail> {
  static readonly type = 'cognito-password-reset';
  constructor(detail: PasswordResetDetail) {
    super(CognitoPasswordResetEvent.type, init(detail));
  }
}

/**
 * A signed-in user's second factors changed (an authenticator app set up, a factor turned on or off, another one
 * preferred): once per change, with the settings as Cognito now keeps them.
 */
export class CognitoMfaChangeEvent extends CustomEvent<MfaChangeDetail> {
  static readonly type = 'cognito-mfa-change';
  constructor(detail: MfaChangeDetail) {
    super(CognitoMfaChangeEvent.type, init(detail));
  }
}

/** An action failed. */
export class CognitoErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly type = 'cognito-error';
  constructor(detail: ErrorDetail) {
    super(CognitoErrorEvent.type, init(detail));
  }
}

export interface CognitoEventMap {
  'cognito-signed-in': CognitoSignedInEvent;
  'cognito-signed-out': CognitoSignedOutEvent;
  'cognito-auth-change': CognitoAuthChangeEvent;
  'cognito-next-step': CognitoNextStepEvent;
  'cognito-account-created': CognitoAccountCreatedEvent;
  'cognito-password-reset': CognitoPasswordResetEvent;
  'cognito-mfa-change': CognitoMfaChangeEvent;
  'cognito-error': CognitoErrorEvent;
}

declare global {
  interface HTMLElementEventMap extends CognitoEventMap {}
  interface DocumentEventMap extends CognitoEventMap {}
  interface WindowEventMap extends CognitoEventMap {}
}
