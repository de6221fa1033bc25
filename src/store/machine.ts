/**
 * The auth state machine: the states, and the one rule that turns a change of state into the facts a page hears.
 * Every `cognito-signed-in`, `cognito-signed-out` and `cognito-auth-change` is derived here from the previous and
 * the next state, so "exactly one event per fact" holds by construction.
 */
import {
  CognitoAuthChangeEvent,
  CognitoSignedInEvent,
  CognitoSignedOutEvent,
  type SignedInReason,
  type SignedOutReason,
} from '../events.js';
import type { AuthState, AuthUser, PendingStep, StoreNotice } from './types.js';

/** Why the state changed, for the events that carry a reason. */
export interface Cause {
  readonly signedIn?: SignedInReason;
  readonly signedOut?: SignedOutReason;
}

/** The events of a transition, in the order a page hears them. */
export function eventsOf(previous: AuthState, next: AuthState, cause: Cause): Event[] {
  const events: Event[] = [];
  const wasIn = previous.status === 'signedIn';
  const otherUser = wasIn && next.status === 'signedIn' && previous.user.userId !== next.user.userId;
  // Resolving the stored session on load (from `loading`) is not a sign-in, and has no reason.
  if (next.status === 'signedIn' && cause.signedIn && (!wasIn || otherUser)) {
    events.push(new CognitoSignedInEvent({ user: next.user, reason: cause.signedIn }));
  }
  if (wasIn && next.status !== 'signedIn')
    events.push(new CognitoSignedOutEvent({ reason: cause.signedOut ?? 'user' }));
  if (previous.status !== next.status || otherUser)
    events.push(new CognitoAuthChangeEvent({ status: next.status, user: next.user }));
  return events;
}

/** The states, each built from the one before (the configuration problem carries over). */
export const initialState: AuthState = {
  status: 'loading',
  user: null,
  pending: null,
  configProblem: null,
  notice: null,
};

type StateOf<S extends AuthState['status']> = Extract<AuthState, { readonly status: S }>;

export const signedOut = (from: AuthState, notice: StoreNotice | null = null): StateOf<'signedOut'> => ({
  status: 'signedOut',
  user: null,
  pending: null,
  configProblem: from.configProblem,
  notice,
});

export const signedIn = (from: AuthState, user: AuthUser): StateOf<'signedIn'> => ({
  status: 'signedIn',
  user,
  pending: null,
  configProblem: from.configProblem,
  notice: null,
});

/** The status of each step that waits for the user: a new step is one entry here. */
const STATUS_OF_STEP = {
  CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: 'newPasswordRequired',
  CONFIRM_SIGN_UP: 'confirmSignUp',
  CONFIRM_RESET_PASSWORD_WITH_CODE: 'resetPassword',
  CONFIRM_SIGN_IN_WITH_TOTP_CODE: 'mfa',
  CONFIRM_SIGN_IN_WITH_SMS_CODE: 'mfa',
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE: 'mfa',
  CONTINUE_SIGN_IN_WITH_MFA_SELECTION: 'mfa',
  CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION: 'mfa',
  CONTINUE_SIGN_IN_WITH_TOTP_SETUP: 'mfa',
  CONTINUE_SIGN_IN_WITH_EMAIL_SETUP: 'mfa',
} as const satisfies Record<PendingStep['step'], AuthState['status']>;

type StatusOf<P extends PendingStep> = (typeof STATUS_OF_STEP)[P['step']];

/** Waiting for the user at `pending`. */
export const challenged = <P extends PendingStep>(from: AuthState, pending: P): StateOf<StatusOf<P>> =>
  ({
    status: STATUS_OF_STEP[pending.step],
    user: null,
    pending,
    configProblem: from.configProblem,
    notice: null,
  }) as StateOf<StatusOf<P>>;

/** The signed-in user, from the ID token's claims (no extra request). */
export function userFromClaims(claims: Readonly<Record<string, unknown>>): AuthUser {
  return {
    username: String(claims['cognito:username'] ?? claims['sub'] ?? ''),
    userId: String(claims['sub'] ?? ''),
    email: typeof claims['email'] === 'string' ? claims['email'] : undefined,
  };
}
