/**
 * Type test, compiled by `npm run typecheck` (part of npm test) and never run: the public types must let a
 * page use the elements and events without casts. Each `@ts-expect-error` proves a mistake is caught.
 */
import { getAuthStore, type AuthState, type CognitoSignedInEvent } from '../../src/index.js';

// Events on document, window and any element are typed by name.
document.addEventListener('cognito-signed-in', (event) => {
  const email: string | undefined = event.detail.user.email;
  const reason: 'sign-in' | 'new-password' | 'other-tab' = event.detail.reason;
  // @ts-expect-error there is no such field
  void event.detail.user.password;
  void email;
  void reason;
});
document.addEventListener('cognito-signed-out', (event) => {
  // @ts-expect-error 'timeout' is not a reason
  const wrong: typeof event.detail.reason = 'timeout';
  void wrong;
  void event;
});
window.addEventListener('cognito-auth-change', (event) => {
  const status: AuthState['status'] = event.detail.status;
  void status;
});
document.querySelector('main')!.addEventListener('cognito-error', (event) => {
  const summary: string = `${event.detail.action}: ${event.detail.name}`;
  void summary;
});
document.addEventListener('cognito-next-step', (event) => void event.detail.step.toLowerCase());

// Tag names give the element classes.
const login = document.createElement('cognito-login');
login.authFlow = 'password';
// @ts-expect-error only 'srp' or 'password'
login.authFlow = 'custom';
const session = document.querySelector('cognito-session');
if (session) session.showToken = true;
const newPassword = document.createElement('cognito-new-password');
newPassword.minLength = 10;

// A typed handler can be declared ahead of time.
const onSignedIn = (event: CognitoSignedInEvent) => event.detail.user.userId;
document.addEventListener('cognito-signed-in', onSignedIn);

// The store's state is typed.
const { status, user } = getAuthStore().state;
if (status === 'signedIn' && user) void user.email;
