/** Strings of <cognito-forgot-password>. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const forgotPasswordStrings = strings(
  {
    'forgotPassword.heading': 'Forgot your password?',
    'forgotPassword.intro':
      'Enter your email address. If an account exists for it, we will send it a code to set a new password.',
    'forgotPassword.submit': 'Send code',
    'forgotPassword.busy': 'Sending…',
    'forgotPassword.signIn': 'Back to sign in',
  },
  {
    'forgotPassword.heading': 'パスワードをお忘れですか？',
    'forgotPassword.intro':
      'メールアドレスを入力してください。アカウントが存在する場合、新しいパスワードを設定するためのコードを送信します。',
    'forgotPassword.submit': 'コードを送信',
    'forgotPassword.busy': '送信中…',
    'forgotPassword.signIn': 'ログイン画面に戻る',
  },
);
