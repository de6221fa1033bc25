// `npm run size` (size-limit, also the last step of `npm run build`): min+gzip sizes of what users load, against
// the budgets; fails above them. Needs `npm run build` first. Limits are KiB (1024 bytes); size-limit prints
// kB (1000 bytes), so 17.5 KiB shows as 17.92 kB.
// A budget is today's size plus a little: a new feature that needs more must raise it on purpose, here.

// What an app that already has lit and aws-amplify does not pay for again.
const PEERS = ['lit', 'lit/*', 'aws-amplify', 'aws-amplify/*', '@aws-amplify/*'];

/** dist's ES modules bundled as an app's bundler would (esbuild: ESM for the browser, minified), peers external. */
const library = (name, path, limit) => ({
  name,
  path,
  ignore: PEERS,
  gzip: true,
  modifyEsbuildConfig: (config) => ({ ...config, format: 'esm', platform: 'browser' }),
  ...(limit && { limit }),
});

module.exports = [
  // The three elements, the store and the en + ja strings (2.4 KB of it Japanese, kept in the first load so that
  // Japanese pages never show English first): 14.4 KB for the first three elements, then the hardening that makes
  // them safe to use (a deadline on every network action, refresh failures told apart and retried with backoff,
  // our own revocation and strict Cognito answers, visible configuration problems, focus handling, attribute
  // checks, their ja/en messages), the store as a state machine split by job, and the review's fixes (clock skew,
  // abandoned sign-ins, the token view, body-safe authFetch deadline). Then the account lifecycle's first part
  // (+5.3 KB): the sign-up and reset actions, <cognito-sign-up>, <cognito-forgot-password>, the code steps
  // <cognito-confirm-sign-up> and <cognito-reset-password>, <cognito-authenticator>, the shared password form and
  // their ja/en strings.
  library('library, all elements (lit, aws-amplify external)', 'dist/index.js', '24 KiB'),
  // The single-file bundle for plain pages, as it ships: lit + Amplify's auth (≈ 45 KB) + the library.
  // The account calls are plain Cognito requests, not Amplify's signUp/resetPassword (which would add ≈ 2 KB more).
  {
    name: 'dist/cognito-elements.js (self-contained)',
    path: 'dist/cognito-elements.js',
    gzip: true,
    disablePlugins: ['@size-limit/esbuild'],
    limit: '68 KiB',
  },
  // A login-only page: 16.3 kB before the account lifecycle, 20.7 kB now. It continues inline into the confirm and
  // reset steps, so those come with it, it gained remember-me and the policy attributes, and every element's strings
  // (ja + en) are in one table (ja alone 2.9 kB). Loading
  // the steps with import() when they appear was tried: it saves 0.6 kB here but costs the single-file bundle 10 kB
  // (rolldown then wraps every module for lazy init). Over the 2 kB this growth was meant to stay under: strings
  // per element are the next saving.
  library('cognito-login alone (with the store)', 'dist/elements/cognito-login.js', '20.5 KiB'),
  library('cognito-authenticator alone (with the store)', 'dist/elements/cognito-authenticator.js'),
  library('cognito-sign-up alone (with the store)', 'dist/elements/cognito-sign-up.js'),
  library('cognito-forgot-password alone (with the store)', 'dist/elements/cognito-forgot-password.js'),
  // No budgets: what each part costs.
  library('cognito-new-password alone (with the store)', 'dist/elements/cognito-new-password.js'),
  library('cognito-session alone (with the store)', 'dist/elements/cognito-session.js'),
  library('of which the Japanese strings', 'dist/i18n/ja.js'),
];
