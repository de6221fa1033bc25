// `npm run size` (size-limit, also the last step of `npm run build`): min+gzip sizes of what users load, against
// the budgets; fails above them. Needs `npm run build` first. Limits are KiB (1024 bytes); size-limit prints
// kB (1000 bytes), so 17.5 KiB shows as 17.92 kB.
// A budget is today's size plus a little: a new feature that needs more must raise it on purpose, here.

// What an app that already has lit and aws-amplify does not pay for again.
const PEERS = ['lit', 'lit/*', 'aws-amplify', 'aws-amplify/*', '@aws-amplify/*'];

/**
 * What loads on demand (`import()`: the steps <cognito-login> continues into) is a separate request an app's
 * bundler splits off, not part of the first load: left out of the entry it is imported from.
 */
const onDemandExternal = {
  name: 'on-demand-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** dist's ES modules bundled as an app's bundler would (esbuild: ESM for the browser, minified), peers external. */
const library = (name, path, limit) => ({
  name,
  path,
  ignore: PEERS,
  gzip: true,
  modifyEsbuildConfig: (config) => ({
    ...config,
    format: 'esm',
    platform: 'browser',
    plugins: [...(config.plugins ?? []), onDemandExternal],
  }),
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
  // their ja/en strings. Then (+1.2 KB) strings split by element, so that each page loads only its elements' part,
  // and the loader of the steps <cognito-login> fetches when they appear (with a deadline, a retry, ja/en).
  // Then MFA (+3.4 KB): <cognito-mfa> (code, choice and setup steps, its styles), its ja/en strings, and the
  // store's MFA steps; the QR code (lean-qr) loads on demand and is not in this figure. Then the signed-in MFA
  // settings (+2.4 kB, measured 31.26 kB): <cognito-mfa-settings> (the factors, their changes, the app's setup
  // shared with <cognito-mfa>, its styles), its ja/en strings; the store's four actions with cognito-mfa-change
  // load on first use (store/actions/on-demand.ts) and are not in this figure.
  // Then the review's fixes (+0.3 kB, measured 31.68 kB): sign-up and reset continue into MFA, the step rendering
  // in the form base, focus between MFA steps, the email check at email setup, the lost-setup notice (ja/en).
  library('library, all elements (lit, aws-amplify external)', 'dist/index.js', '31.25 KiB'),
  // The single-file bundle for plain pages, as it ships: lit + Amplify's auth (≈ 45 KB) + the library.
  // The account calls are plain Cognito requests, not Amplify's signUp/resetPassword (which would add ≈ 2 KB more).
  // MFA added 6.4 KB: <cognito-mfa> and its strings (≈ 3.4), Amplify's confirmSignIn paths for MFA (≈ 1), and the
  // QR code library (lean-qr nano, ≈ 2): a single file has no way to load them on demand without rolldown wrapping
  // every module (+10 KB, measured for the steps). The signed-in MFA settings added 3.86 kB (measured 80.86 kB): the
  // element, its strings and the store's actions (≈ 2.9) and Amplify's fetchMFAPreference, setUpTOTP,
  // verifyTOTPSetup and updateMFAPreference with their service clients (≈ 0.9).
  {
    name: 'dist/cognito-elements.js (self-contained)',
    path: 'dist/cognito-elements.js',
    gzip: true,
    disablePlugins: ['@size-limit/esbuild'],
    // +0.3 kB for the review's fixes (measured 81.15 kB).
    limit: '79.75 KiB',
  },
  // A login-only page, before any step appears: 16.3 kB before the account lifecycle, 17.2 kB after it (it gained
  // remember-me, the links, the policy attributes and the step loader). The steps it continues into (new password,
  // confirm sign-up, reset password) load when they appear, and each element brings only its own strings (the
  // Japanese and English of the steps, sign-up, reset and session are not in it): it was 20.7 kB with both static.
  // MFA added 0.7 kB: the store's MFA steps and confirmMfa (the screens, their strings and styles, and the QR
  // library load only when an MFA step appears: see the next entry). The signed-in MFA settings added 0.12 kB
  // (measured 18.09 kB): the AuthStore methods that load their actions on first use (store/actions/on-demand.ts:
  // the actions, Amplify's calls for them and the event class load with the settings, not with every store).
  // Then +0.28 kB (measured 18.44 kB): the step rendering moved to the form base (sign-up and reset continue into
  // MFA too), a deadline around the settings' on-demand load, and the notices of an ended MFA challenge and of a
  // lost setup answer (ja/en).
  library('cognito-login alone (with the store)', 'dist/elements/cognito-login.js', '18.25 KiB'),
  // Loaded on demand when an MFA step appears (the store is shared with the login, so the step adds ≈ 2 kB), and
  // when an authenticator app is set up, the QR code.
  library('cognito-mfa alone (with the store)', 'dist/elements/cognito-mfa.js'),
  library('the QR code (lean-qr nano), loaded for a TOTP setup', 'dist/elements/qr-code.js'),
  // A signed-in user's MFA settings page: the element, its strings (and the MFA strings it shares with the sign-in
  // step), the setup of an app; the QR code loads on demand as above.
  library('cognito-mfa-settings alone (with the store)', 'dist/elements/cognito-mfa-settings.js'),
  library('cognito-authenticator alone (with the store)', 'dist/elements/cognito-authenticator.js'),
  library('cognito-sign-up alone (with the store)', 'dist/elements/cognito-sign-up.js'),
  library('cognito-forgot-password alone (with the store)', 'dist/elements/cognito-forgot-password.js'),
  // No budgets: what each part costs.
  library('cognito-new-password alone (with the store)', 'dist/elements/cognito-new-password.js'),
  library('cognito-session alone (with the store)', 'dist/elements/cognito-session.js'),
  library('of which the strings every element has (en + ja)', 'dist/i18n/strings/core.js'),
];
