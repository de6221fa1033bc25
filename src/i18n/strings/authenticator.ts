/** Strings of <cognito-authenticator>. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const authenticatorStrings = strings(
  {
    'authenticator.signIn': 'Sign in',
  },
  {
    'authenticator.signIn': 'ログイン',
  },
);
