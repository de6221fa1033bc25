/** Strings every element uses: sign-in, errors, configuration problems, loading a step. English, then Japanese (日本語). */
import { strings } from '../types.js';

export const coreStrings = strings(
  {
    'login.email': 'Email',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.busy': 'Signing in…',
    'login.showPassword': 'Show password',
    'login.hidePassword': 'Hide password',
    'login.loading': 'Checking your session…',
    'login.rememberMe': 'Remember me on this device',
    'login.forgotPassword': 'Forgot your password?',
    'login.signUp': 'Create an account',

    'step.loading': 'Loading…',
    'step.reload': 'Reload the page',
    'step.back': 'Back to sign in',

    'error.emailRequired': 'Enter your email address.',
    'error.emailInvalid': 'Enter an email address like name@example.com.',
    'error.passwordRequired': 'Enter your password.',
    'error.incorrectCredentials': 'Incorrect email or password.',
    'error.attemptsExceeded': 'Too many failed attempts. Wait a few minutes before you try again.',
    'error.userDisabled': 'This account is disabled. Contact the site’s administrator.',
    'error.sessionExpired':
      'This sign-in has ended: it took too long, or a code was wrong too many times. Sign in again.',
    'error.mfaSetupInterrupted':
      'Setting up your authenticator app may not have finished. Sign in again; if you are asked for a code, use your app.',
    'error.userNotConfirmed':
      'This account is not confirmed yet. Confirm it with the code sent to your email, then sign in.',
    'error.passwordResetRequired': 'Your password must be reset before you can sign in.',
    'error.tooManyRequests': 'Too many requests right now. Wait a moment, then try again.',
    'error.network': 'The sign-in service could not be reached. Check your connection and try again.',
    'error.offline': 'You are offline. Reconnect, then try again.',
    'error.timeout': 'The sign-in service did not answer in time. Check your connection and try again.',
    'error.serviceUnavailable': 'The sign-in service had a problem. Try again in a moment.',
    'error.invalidPassword': 'The new password was not accepted: {detail}',
    'error.passwordMismatch': 'The two passwords do not match.',
    'error.policyUnmet': 'The new password does not meet all the requirements below.',
    'error.attributeRequired': 'Enter {attribute}.',
    'error.usernameExists': 'An account with this email already exists. Sign in, or reset your password.',
    'error.invalidParameter': 'Cognito did not accept this: {detail}',
    'error.codeDeliveryFailed': 'The code could not be sent. Check the address, then try again.',
    'error.codeRequired': 'Enter the code.',
    'error.codeMismatch': 'That code is not right. Check it and try again.',
    'error.codeExpired': 'That code has expired. Ask for a new one.',
    'error.attemptLimit': 'Too many failed attempts. Send a new code, or wait a while before you try again.',
    'error.alreadySignedIn': 'You are already signed in.',
    'error.notSignedIn': 'You are not signed in.',
    'error.stepUnavailable':
      'This step could not be loaded. Check your connection, then reload the page and sign in again, or go back.',
    'error.generic': 'Something went wrong ({name}). Try again.',

    'config.missing':
      'Sign-in is not set up: give the element user-pool-id and client-id attributes, or call configure().',
    'config.missingPoolId': 'Sign-in is not set up: user-pool-id is missing.',
    'config.missingClientId': 'Sign-in is not set up: client-id is missing.',
    'config.invalidPoolId':
      'Sign-in is set up wrongly: “{value}” is not a user pool id (expected region_ID, like ap-northeast-1_AbC123xyZ).',
    'config.invalidClientId': 'Sign-in is set up wrongly: “{value}” is not an app client id (letters and digits only).',
    'config.invalidEndpoint': 'Sign-in is set up wrongly: endpoint “{value}” is not an http(s) URL.',
    'config.clientNotFound':
      'Sign-in is set up wrongly: this app client does not exist in the user pool. Check client-id, user-pool-id and the region.',
    'config.flowNotEnabled':
      'Sign-in is set up wrongly: the app client does not allow this sign-in method (enable ALLOW_USER_SRP_AUTH).',
    'config.conflict': 'Two different Cognito configurations are on this page; the first one is used.',
  },
  {
    'login.email': 'メールアドレス',
    'login.password': 'パスワード',
    'login.submit': 'ログイン',
    'login.busy': 'ログイン中…',
    'login.showPassword': 'パスワードを表示',
    'login.hidePassword': 'パスワードを隠す',
    'login.loading': 'ログイン状態を確認しています…',
    'login.rememberMe': 'このデバイスでログイン状態を保持する',
    'login.forgotPassword': 'パスワードをお忘れですか？',
    'login.signUp': 'アカウントを作成',

    'step.loading': '読み込んでいます…',
    'step.reload': 'ページを再読み込み',
    'step.back': 'ログイン画面に戻る',

    'error.emailRequired': 'メールアドレスを入力してください。',
    'error.emailInvalid': 'name@example.com の形式でメールアドレスを入力してください。',
    'error.passwordRequired': 'パスワードを入力してください。',
    'error.incorrectCredentials': 'メールアドレスまたはパスワードが正しくありません。',
    'error.attemptsExceeded':
      'ログインの失敗が続いたため、一時的にロックされています。数分待ってから再度お試しください。',
    'error.userDisabled': 'このアカウントは無効化されています。サイトの管理者にお問い合わせください。',
    'error.sessionExpired':
      'このログイン手続きは終了しました(時間切れ、またはコードの誤りが多すぎます)。もう一度ログインしてください。',
    'error.mfaSetupInterrupted':
      '認証アプリの設定が完了していない可能性があります。もう一度ログインし、コードを求められたらアプリのコードを入力してください。',
    'error.userNotConfirmed':
      'このアカウントはまだ確認されていません。メールで届いた確認コードで確認してからログインしてください。',
    'error.passwordResetRequired': 'ログインする前にパスワードの再設定が必要です。',
    'error.tooManyRequests': 'リクエストが集中しています。少し待ってから再度お試しください。',
    'error.network': '認証サービスに接続できません。通信環境を確認して、もう一度お試しください。',
    'error.offline': 'オフラインです。ネットワークに接続してから、もう一度お試しください。',
    'error.timeout': '認証サービスから時間内に応答がありませんでした。通信環境を確認して、もう一度お試しください。',
    'error.serviceUnavailable': '認証サービスで問題が発生しました。しばらくしてから再度お試しください。',
    'error.invalidPassword': '新しいパスワードは受け付けられませんでした: {detail}',
    'error.passwordMismatch': '2 つのパスワードが一致しません。',
    'error.policyUnmet': '新しいパスワードが下記の条件を満たしていません。',
    'error.attributeRequired': '{attribute}を入力してください。',
    'error.usernameExists':
      'このメールアドレスのアカウントは既に存在します。ログインするか、パスワードを再設定してください。',
    'error.invalidParameter': '入力内容が受け付けられませんでした: {detail}',
    'error.codeDeliveryFailed': 'コードを送信できませんでした。アドレスを確認して、もう一度お試しください。',
    'error.codeRequired': 'コードを入力してください。',
    'error.codeMismatch': 'コードが正しくありません。確認して再度入力してください。',
    'error.codeExpired': 'コードの有効期限が切れています。新しいコードを請求してください。',
    'error.attemptLimit': '失敗が続いています。新しいコードを送信するか、しばらく待ってから再度お試しください。',
    'error.alreadySignedIn': 'すでにログインしています。',
    'error.notSignedIn': 'ログインしていません。',
    'error.stepUnavailable':
      'この画面を読み込めませんでした。通信環境を確認してページを再読み込みし、もう一度ログインするか、前の画面に戻ってください。',
    'error.generic': 'エラーが発生しました({name})。もう一度お試しください。',

    'config.missing':
      'ログインが設定されていません: 要素に user-pool-id と client-id 属性を指定するか、configure() を呼び出してください。',
    'config.missingPoolId': 'ログインが設定されていません: user-pool-id がありません。',
    'config.missingClientId': 'ログインが設定されていません: client-id がありません。',
    'config.invalidPoolId':
      'ログインの設定が正しくありません: 「{value}」はユーザープール ID ではありません(「リージョン_ID」の形式、例: ap-northeast-1_AbC123xyZ)。',
    'config.invalidClientId':
      'ログインの設定が正しくありません: 「{value}」はアプリクライアント ID ではありません(英数字のみ)。',
    'config.invalidEndpoint':
      'ログインの設定が正しくありません: エンドポイント「{value}」は http(s) の URL ではありません。',
    'config.clientNotFound':
      'ログインの設定が正しくありません: このアプリクライアントはユーザープールに存在しません。client-id、user-pool-id、リージョンを確認してください。',
    'config.flowNotEnabled':
      'ログインの設定が正しくありません: アプリクライアントでこのログイン方式が許可されていません(ALLOW_USER_SRP_AUTH を有効にしてください)。',
    'config.conflict': 'このページに異なる 2 つの Cognito 設定があります。最初の設定を使います。',
  },
);
