// Lint: typescript-eslint and eslint-plugin-lit, and the layering of src/ as rules (see README "Layout"):
// the store knows neither Lit nor elements nor strings; only store/amplify*.ts import aws-amplify; elements
// reach the store through its index; nothing in src/ imports the local service.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const AMPLIFY = {
  group: ['aws-amplify', 'aws-amplify/*', '@aws-amplify/*'],
  message: 'Only src/store/amplify.ts (and amplify-mfa-settings.ts, loaded on demand) import aws-amplify.',
};
const LOCAL_SERVICE = { group: ['**/local-cognito/**'], message: 'The library never depends on the local service.' };
const STORE_INSIDE = {
  group: ['../store/*', '!../store/index.js'],
  message: 'Import the store through its index (src/store/index.ts).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local-cognito/**', 'docs/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `interface HTMLElementEventMap extends CognitoEventMap {}` is how a global event map is augmented.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [AMPLIFY, LOCAL_SERVICE, STORE_INSIDE] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/amplify.ts', 'src/store/amplify-mfa-settings.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            AMPLIFY,
            LOCAL_SERVICE,
            {
              group: ['lit', 'lit/*', '@lit/*'],
              message: 'The store does not know Lit: controllers live in src/internal/.',
            },
            {
              group: ['../elements/*', '../internal/*', '../i18n/*'],
              message: 'The store knows neither elements nor strings.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/amplify.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            LOCAL_SERVICE,
            {
              group: ['lit', 'lit/*', '../elements/*', '../internal/*', '../i18n/*'],
              message: 'The store knows neither Lit, elements nor strings.',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format): no lint rule may fight it.
  prettier,
);
