/** @custom-elements-manifest/analyzer: custom-elements.json from the elements' JSDoc (npm run build). */
export default {
  globs: [
    'src/elements/cognito-*.ts',
    'src/elements/form-element.ts',
    'src/elements/password-form.ts',
    'src/internal/cognito-element.ts',
  ],
  exclude: ['src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
};
