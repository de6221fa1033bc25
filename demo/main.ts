/**
 * The main demo: the seed article's page, rebuilt with the elements. Configured from JavaScript with the pool of
 * `npm start` (or .env.local), as every Vite demo is (shared/pool.ts; `?pool=mfa-on`: the local pool that
 * requires MFA); everything else is markup in index.html, except the local inbox, which is added only against the
 * local service.
 */
import { authFetch, CognitoAuthError, getAuthStore } from '../src/index.js';
import { currentLang, onLangChange, startLangSwitch, type Lang } from './shared/lang.js';
import { showLocalInbox } from './shared/inbox.js';
// Configures the page (without a pool the elements say what is missing).
import { pool } from './shared/pool.js';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

// The local service's demo users and inbox; never with a real pool (its codes go out by email).
const inbox = showLocalInbox($('main'), $('main > section:nth-of-type(2)'));
const demoUsers = $<HTMLElement>('#demo-users');
// The users of the pool this page uses.
for (const list of demoUsers.querySelectorAll<HTMLElement>('[data-pool]'))
  list.hidden = list.dataset['pool'] !== (pool.mfaOn ? 'mfa-on' : 'demo');
// A hint for the sign-in screen: not once signed in, nor during a step (a code, a new password), where it is noise.
const showDemoUsers = () =>
  (demoUsers.hidden = !inbox || !['loading', 'signedOut'].includes(getAuthStore().state.status));
showDemoUsers();
getAuthStore().subscribe(showDemoUsers);

// ------------------------------------------------------------------------------------------------ page strings
const STRINGS = {
  en: {
    tagline: 'Amazon Cognito sign-in as web components: SRP in the browser, no server of your own.',
    account: 'Your account',
    demoUsers: 'Demo users of the local user pool:',
    userDemo: 'confirmed',
    userNew: 'first sign-in: choose a new password',
    userUnconfirmed: 'not confirmed: signing in asks for the code in the local inbox',
    userReset: 'password reset required: signing in asks for the code in the local inbox and a new password',
    userTotp: 'authenticator app (TOTP): the local inbox shows the code an app would show',
    userEmailMfa: 'email MFA: signing in asks for the code in the local inbox',
    demoCreate: 'Or create an account with any email address: its code appears in the local inbox.',
    demoUsersMfaOn: 'Demo user of the local pool that requires MFA:',
    userMfaSetup: 'no MFA yet: signing in asks to set up an authenticator app',
    apiHeading: 'Call a protected API',
    apiIntro:
      "authFetch() sends the ID token as Authorization: Bearer. The API verifies it (signature, issuer, audience, expiry) against the pool's JWKS.",
    apiButton: 'GET /api/hello',
    events: 'DOM events',
    clear: 'Clear',
    eventsIntro: 'Every cognito-* event that reaches document, as a page or framework would see it.',
    pool: 'User pool',
    source: 'Source',
    local: 'local Cognito service (npm start)',
    localMfaOn: 'local Cognito service (npm start), its pool that requires MFA (?pool=mfa-on)',
    environment: 'your environment (.env.local)',
    none: 'none: run npm start, or set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID in .env.local',
    poolId: 'User pool',
    clientId: 'App client',
    endpoint: 'Endpoint',
    regional: 'Cognito in the pool’s region',
    calling: 'Calling…',
  },
  ja: {
    tagline: 'Amazon Cognito のログインを Web Components で。SRP はブラウザ内で完結し、独自のサーバーは不要です。',
    account: 'アカウント',
    demoUsers: 'ローカルユーザープールのデモユーザー:',
    userDemo: '確認済み',
    userNew: '初回ログイン: 新しいパスワードを設定',
    userUnconfirmed: '未確認: ログインするとローカル受信箱のコードを求められます',
    userReset: 'パスワードの再設定が必要: ログインするとローカル受信箱のコードと新しいパスワードを求められます',
    userTotp: '認証アプリ(TOTP): アプリに表示されるはずのコードをローカル受信箱に表示します',
    userEmailMfa: 'メール MFA: ログインするとローカル受信箱のコードを求められます',
    demoCreate: '任意のメールアドレスでアカウントを作成することもできます。コードはローカル受信箱に届きます。',
    demoUsersMfaOn: 'MFA 必須のローカルユーザープールのデモユーザー:',
    userMfaSetup: 'MFA 未設定: ログインすると認証アプリの設定を求められます',
    apiHeading: '保護された API を呼び出す',
    apiIntro:
      'authFetch() は ID トークンを Authorization: Bearer で送ります。API はユーザープールの JWKS で署名・発行者・対象・有効期限を検証します。',
    apiButton: 'GET /api/hello',
    events: 'DOM イベント',
    clear: 'クリア',
    eventsIntro: 'document に届いた cognito-* イベント(ページやフレームワークから見えるもの)。',
    pool: 'ユーザープール',
    source: '接続先',
    local: 'ローカル Cognito サービス(npm start)',
    localMfaOn: 'ローカル Cognito サービス(npm start)の MFA 必須のプール(?pool=mfa-on)',
    environment: '環境変数(.env.local)',
    none: 'なし: npm start を実行するか、.env.local に VITE_COGNITO_USER_POOL_ID と VITE_COGNITO_CLIENT_ID を設定してください',
    poolId: 'ユーザープール',
    clientId: 'アプリクライアント',
    endpoint: 'エンドポイント',
    regional: 'プールのリージョンの Cognito',
    calling: '呼び出し中...',
  },
} as const;
type Key = keyof (typeof STRINGS)['en'];
const t = (key: Key) => STRINGS[currentLang()][key];

function renderPool(): void {
  const rows: [string, string][] = pool.userPoolId
    ? [
        [t('source'), pool.mfaOn ? t('localMfaOn') : pool.local ? t('local') : t('environment')],
        [t('poolId'), pool.userPoolId],
        [t('clientId'), pool.clientId],
        [t('endpoint'), pool.endpoint || t('regional')],
      ]
    : [[t('source'), t('none')]];
  $('#pool').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

/** The time of a log entry in the page's language (ja: 14:03:05; en: 2:03:05 PM). */
const clock = (time: HTMLTimeElement, lang: Lang) =>
  (time.textContent = new Date(time.dateTime).toLocaleTimeString(lang));

// The elements follow <html lang> by themselves; the page's own strings and the log's times follow here.
onLangChange((lang) => {
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(element.dataset['i18n'] as Key);
  for (const time of document.querySelectorAll<HTMLTimeElement>('#event-log time')) clock(time, lang);
  renderPool();
});
startLangSwitch();

// ----------------------------------------------------------------------------------------------- the event log
const log = $<HTMLOListElement>('#event-log');
for (const type of [
  'cognito-auth-change',
  'cognito-signed-in',
  'cognito-signed-out',
  'cognito-next-step',
  'cognito-account-created',
  'cognito-password-reset',
  'cognito-error',
] as const) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = event.type;
    const where = event.target === document ? 'document' : `<${(event.target as Element).localName}>`;
    const detail = document.createElement('code');
    detail.textContent = JSON.stringify(event.detail);
    const time = document.createElement('time');
    time.dateTime = new Date().toISOString();
    clock(time, currentLang());
    item.append(time, ' ', name, ` on ${where} `, detail);
    log.prepend(item);
  });
}
$('#clear-log').addEventListener('click', () => log.replaceChildren());

// ------------------------------------------------------------------------------------------ the protected API
const result = $<HTMLOutputElement>('#api-result');
// One user's API answer must not stay on screen for the next.
document.addEventListener('cognito-auth-change', () => (result.textContent = ''));
$('#call-api').addEventListener('click', async () => {
  result.textContent = t('calling');
  try {
    const response = await authFetch('/api/hello');
    result.textContent = `${response.status} ${JSON.stringify(await response.json())}`;
  } catch (error) {
    result.textContent = error instanceof CognitoAuthError ? `${error.name}: ${error.message}` : String(error);
  }
});
