/**
 * Type test, compiled by `npm run typecheck` (part of npm test) and never run: the public types must let a
 * page use the elements and events without casts. Each `@ts-expect-error` proves a mistake is caught.
 */
import {
  configure,
  getAuthStore,
  type AuthState,
  type CognitoSignedInEvent,
  type JourneyStep,
  type SignInStep,
} from '../../src/index.js';

// Events on document, window and any element are typed by name.
document.addEventListener('cognito-signed-in', (event) => {
  const email: string | undefined = event.detail.user.email;
  const reason: 'sign-in' | 'new-password' | 'sign-up' | 'password-reset' | 'other-tab' = event.detail.reason;
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

// The state is a union on `status`: the user exists only when signed in, the pending step only in a challenge.
const state = getAuthStore().state;
if (state.status === 'signedIn') void state.user.email; // no `?.` needed
// @ts-expect-error signed out: there is no user
if (state.status === 'signedOut') void state.user.email;
if (state.status === 'newPasswordRequired') void state.pending.missingAttributes;
// @ts-expect-error signed in: no challenge is pending
if (state.status === 'signedIn') void state.pending.email;
// Each waiting step carries its own data: the code's destination only where a code was sent.
if (state.status === 'confirmSignUp') void state.pending.delivery?.destination;
// @ts-expect-error a new-password step sent no code
if (state.status === 'newPasswordRequired') void state.pending.delivery;
// The events of the account lifecycle are typed too.
document.addEventListener('cognito-account-created', (event) => void event.detail.delivery?.medium);
// @ts-expect-error no password travels in an event
document.addEventListener('cognito-password-reset', (event) => void event.detail.password);

// A sign-in step is one of Amplify's, not any string.
document.addEventListener('cognito-next-step', (event) => {
  const step: JourneyStep = event.detail.step;
  // @ts-expect-error a typo is not a step
  const typo: SignInStep = 'CONFIRM_SIGN_IN_WITH_NEW_PASWORD_REQUIRED';
  void step;
  void typo;
});

// configure() takes Amplify's field names, not the attribute names.
configure({ userPoolId: 'ap-northeast-1_AbC', userPoolClientId: 'abc', timeoutMs: 20_000 });
// @ts-expect-error `clientId` is the attribute's name; the field is userPoolClientId
configure({ userPoolId: 'ap-northeast-1_AbC', clientId: 'abc' });
