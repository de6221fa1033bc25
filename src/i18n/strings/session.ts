/** Strings of <cognito-session>. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const sessionStrings = strings(
  {
    'session.signedInAs': 'Signed in as {email}',
    'session.signOut': 'Sign out',
    'session.signOutEverywhere': 'Sign out on all devices',
    'session.busy': 'Signing out…',
    'session.globalSignOutFailed': 'You are still signed in: signing out on all devices did not go through. {reason}',
    'session.showToken': 'Show ID token',
    'session.tokenWarning': 'Anyone holding this token can call your API as you until it expires. Do not share it.',
    'session.token': 'Token',
    'session.claims': 'Claims',
    'session.expires': 'Expires {time}',
    'session.expired': 'Expired {time}',
  },
  {
    'session.signedInAs': 'ログイン中: {email}',
    'session.signOut': 'ログアウト',
    'session.signOutEverywhere': 'すべての端末からログアウト',
    'session.busy': 'ログアウト中...',
    'session.globalSignOutFailed':
      'すべての端末からのログアウトは完了していません。この端末ではログインしたままです。{reason}',
    'session.showToken': 'ID トークンを見る',
    'session.tokenWarning':
      'このトークンを持つ人は、有効期限まであなたとして API を呼び出せます。共有しないでください。',
    'session.token': 'トークン',
    'session.claims': 'クレーム',
    'session.expires': '有効期限: {time}',
    'session.expired': '期限切れ: {time}',
  },
);
