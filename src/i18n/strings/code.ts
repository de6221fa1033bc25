/** Strings of The steps that wait for a code: confirm a sign-up, reset a password. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const codeStrings = strings(
  {
    'code.label': 'Code',
    'code.resend': 'Send a new code',
    'code.resendIn': 'Send a new code ({seconds} s)',
    'code.resent': 'A new code was sent.',
    'code.resentTo': 'A new code was sent to {destination}.',
    'code.back': 'Back',

    'confirmSignUp.heading': 'Confirm your account',
    'confirmSignUp.sentTo': 'We sent a code to {destination}. Enter it to finish creating your account.',
    'confirmSignUp.sent': 'We sent a code to your email. Enter it to finish creating your account.',
    'confirmSignUp.submit': 'Confirm and sign in',
    'confirmSignUp.busy': 'Confirming…',

    'resetPassword.heading': 'Reset your password',
    'resetPassword.sentTo':
      'If an account exists for {email}, we sent a code to it. Enter the code and a new password.',
    'resetPassword.submit': 'Set password and sign in',
    'resetPassword.busy': 'Saving…',
  },
  {
    'code.label': '確認コード',
    'code.resend': 'コードを再送信',
    'code.resendIn': 'コードを再送信（{seconds} 秒後）',
    'code.resent': '新しいコードを送信しました。',
    'code.resentTo': '{destination} に新しいコードを送信しました。',
    'code.back': '戻る',

    'confirmSignUp.heading': 'アカウントの確認',
    'confirmSignUp.sentTo':
      '{destination} に確認コードを送信しました。コードを入力して、アカウントの作成を完了してください。',
    'confirmSignUp.sent': 'メールに確認コードを送信しました。コードを入力して、アカウントの作成を完了してください。',
    'confirmSignUp.submit': '確認してログイン',
    'confirmSignUp.busy': '確認しています…',

    'resetPassword.heading': 'パスワードの再設定',
    'resetPassword.sentTo':
      '{email} のアカウントが存在する場合は、確認コードを送信しました。コードと新しいパスワードを入力してください。',
    'resetPassword.submit': 'パスワードを設定してログイン',
    'resetPassword.busy': '保存中…',
  },
);
