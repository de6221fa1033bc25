/** The elements in React's JSX: their properties, and their events as `on<event-name>` props (React 19). */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CognitoEventMap, CognitoLogin, CognitoNewPassword, CognitoSession } from '../../src/index.js';

type Events = { [K in keyof CognitoEventMap as `on${K}`]?: (event: CognitoEventMap[K]) => void };
type Base<T> = DetailedHTMLProps<HTMLAttributes<T>, T> & Events & Partial<Pick<CognitoLogin, 'userPoolId' | 'clientId' | 'endpoint' | 'tokenStorage'>>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cognito-login': Base<CognitoLogin> & Partial<Pick<CognitoLogin, 'authFlow'>>;
      'cognito-new-password': Base<CognitoNewPassword> & Partial<Pick<CognitoNewPassword, 'minLength' | 'require'>>;
      'cognito-session': Base<CognitoSession> & Partial<Pick<CognitoSession, 'global' | 'showToken'>>;
    }
  }
}
