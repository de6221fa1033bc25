/** Strings of <cognito-sign-up>. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const signUpStrings = strings(
  {
    'signUp.heading': 'Create an account',
    'signUp.password': 'Password',
    'signUp.confirm': 'Confirm password',
    'signUp.attributes': 'About you:',
    'signUp.submit': 'Create account',
    'signUp.busy': 'Creating your account…',
    'signUp.signIn': 'Already have an account? Sign in',
  },
  {
    'signUp.heading': 'アカウントを作成',
    'signUp.password': 'パスワード',
    'signUp.confirm': 'パスワード(確認)',
    'signUp.attributes': 'プロフィール:',
    'signUp.submit': 'アカウントを作成',
    'signUp.busy': 'アカウントを作成しています…',
    'signUp.signIn': 'アカウントをお持ちの方はこちらからログイン',
  },
);
