/**
 * cognito-elements in React's JSX (React 19): each element with its properties as props and its events as
 * `on<event-name>` props, typed. Opt in with one line anywhere in the app, e.g. in `main.tsx`:
 *
 * ```ts
 * import 'cognito-elements/react';
 * ```
 *
 * Types only: the module is empty at run time, and an app that never imports it (no React) is unaffected.
 */
import type { LitElement } from 'lit';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CognitoAuthenticator } from './elements/cognito-authenticator.js';
import type { CognitoConfirmSignUp } from './elements/cognito-confirm-sign-up.js';
import type { CognitoForgotPassword } from './elements/cognito-forgot-password.js';
import type { CognitoLogin } from './elements/cognito-login.js';
import type { CognitoMfa } from './elements/cognito-mfa.js';
import type { CognitoMfaSettings } from './elements/cognito-mfa-settings.js';
import type { CognitoNewPassword } from './elements/cognito-new-password.js';
import type { CognitoResetPassword } from './elements/cognito-reset-password.js';
import type { CognitoSession } from './elements/cognito-session.js';
import type { CognitoSignUp } from './elements/cognito-sign-up.js';
import type { CognitoEventMap } from './events.js';

/** `oncognito-signed-in={(event) => …}`: React 19 adds a listener for the event of that name. */
export type CognitoEventProps = { [K in keyof CognitoEventMap as `on${K}`]?: (event: CognitoEventMap[K]) => void };

/** An element's own public properties (not LitElement's, not methods), each optional: React 19 sets them as properties. */
export type ElementProps<T extends LitElement> = {
  [K in Exclude<keyof T, keyof LitElement> as T[K] extends (...args: never[]) => unknown ? never : K]?: T[K];
};

/** What JSX accepts on the element: HTML attributes, `ref`, `key`, `slot`, …, its properties and its events. */
export type CognitoJSXProps<T extends LitElement> = DetailedHTMLProps<HTMLAttributes<T>, T> &
  ElementProps<T> &
  CognitoEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cognito-authenticator': CognitoJSXProps<CognitoAuthenticator>;
      'cognito-login': CognitoJSXProps<CognitoLogin>;
      'cognito-new-password': CognitoJSXProps<CognitoNewPassword>;
      'cognito-session': CognitoJSXProps<CognitoSession>;
      'cognito-sign-up': CognitoJSXProps<CognitoSignUp>;
      'cognito-confirm-sign-up': CognitoJSXProps<CognitoConfirmSignUp>;
      'cognito-forgot-password': CognitoJSXProps<CognitoForgotPassword>;
      'cognito-reset-password': CognitoJSXProps<CognitoResetPassword>;
      'cognito-mfa': CognitoJSXProps<CognitoMfa>;
      'cognito-mfa-settings': CognitoJSXProps<CognitoMfaSettings>;
    }
  }
}
