/**
 * The one palette of every element: `--_*` values from the public `--cognito-*` custom properties, with light and
 * dark defaults. `light-dark()` follows the page's `color-scheme`: dark only where the page itself supports dark.
 * Declarations only, to be placed in a rule (`:host { ${palette} }`, `cognito-login { ${palette} }`).
 */
import { css } from 'lit';

export const palette = css`
  --_text: var(--cognito-color-text, light-dark(#1f2328, #e6edf3));
  --_muted: var(--cognito-color-muted, light-dark(#59636e, #9198a1));
  --_surface: var(--cognito-color-surface, light-dark(#ffffff, #0d1117));
  --_border: var(--cognito-color-border, light-dark(#8c959f, #656c76));
  --_primary: var(--cognito-color-primary, light-dark(#0b5cc4, #4493f8));
  --_on-primary: var(--cognito-color-on-primary, light-dark(#ffffff, #0d1117));
  --_error: var(--cognito-color-error, light-dark(#b42339, #ff8a9a));
  --_error-surface: var(--cognito-color-error-surface, light-dark(#fff0f1, #2d1215));
  --_success: var(--cognito-color-success, light-dark(#1a7f37, #3fb950));
  --_code: var(--cognito-color-code-surface, light-dark(#f6f8fa, #161b22));
  --_radius: var(--cognito-radius, 6px);
  --_gap: var(--cognito-gap, 0.875rem);
`;
