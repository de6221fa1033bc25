/**
 * Styles of the light-DOM forms (<cognito-login>, <cognito-new-password>). In a cascade layer, so any page rule
 * wins over them; themable through the --cognito-* custom properties, with light and dark defaults.
 */
import { css } from 'lit';

export const formStyles = css`
  @layer cognito-elements {
    /* light-dark() follows the page's color-scheme: dark only where the page itself supports dark. */
    cognito-login,
    cognito-new-password {
      --_text: var(--cognito-color-text, light-dark(#1f2328, #e6edf3));
      --_muted: var(--cognito-color-muted, light-dark(#59636e, #9198a1));
      --_surface: var(--cognito-color-surface, light-dark(#ffffff, #0d1117));
      --_border: var(--cognito-color-border, light-dark(#8c959f, #656c76));
      --_primary: var(--cognito-color-primary, light-dark(#0b5cc4, #4493f8));
      --_on-primary: var(--cognito-color-on-primary, light-dark(#ffffff, #0d1117));
      --_error: var(--cognito-color-error, light-dark(#b42339, #ff8a9a));
      --_error-surface: var(--cognito-color-error-surface, light-dark(#fff0f1, #2d1215));
      --_success: var(--cognito-color-success, light-dark(#1a7f37, #3fb950));
      --_radius: var(--cognito-radius, 6px);
      --_gap: var(--cognito-gap, 0.875rem);
      display: block;
      max-width: var(--cognito-max-width, 24rem);
      color: var(--_text);
      font: var(--cognito-font, inherit);
    }
    cognito-login[hidden],
    cognito-new-password[hidden],
    :is(cognito-login, cognito-new-password) [hidden] {
      display: none !important;
    }
    :is(cognito-login, cognito-new-password) [part~='form'] {
      display: grid;
      gap: var(--_gap);
      margin: 0;
    }
    :is(cognito-login, cognito-new-password) [part~='heading'] {
      margin: 0;
      font-size: 1.25em;
    }
    :is(cognito-login, cognito-new-password) [part~='intro'] {
      margin: 0;
      color: var(--_muted);
    }
    :is(cognito-login, cognito-new-password) [part~='field'] {
      display: grid;
      gap: 0.25rem;
    }
    :is(cognito-login, cognito-new-password) [part~='label'] {
      font-weight: 600;
    }
    :is(cognito-login, cognito-new-password) [part~='input'] {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    :is(cognito-login, cognito-new-password) [part~='input'][aria-invalid='true'] {
      border-color: var(--_error);
    }
    :is(cognito-login, cognito-new-password) :focus-visible {
      outline: 2px solid var(--cognito-focus-ring, var(--_primary));
      outline-offset: 2px;
    }
    :is(cognito-login, cognito-new-password) [part~='password-row'] {
      display: flex;
      gap: 0.5rem;
    }
    :is(cognito-login, cognito-new-password) [part~='password-row'] > [part~='input'] {
      flex: 1;
      min-width: 0;
    }
    :is(cognito-login, cognito-new-password) [part~='toggle-password'],
    :is(cognito-login, cognito-new-password) [part~='secondary-button'] {
      min-height: 2.5rem;
      padding: 0 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    :is(cognito-login, cognito-new-password) [part~='submit-button'] {
      min-height: 2.75rem;
      padding: 0 1rem;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    :is(cognito-login, cognito-new-password) [part~='submit-button']:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    :is(cognito-login, cognito-new-password) [part~='error']:not(:empty) {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--_error);
      border-radius: var(--_radius);
      background: var(--_error-surface);
      color: var(--_error);
    }
    :is(cognito-login, cognito-new-password) [part~='checklist'] {
      display: grid;
      gap: 0.125rem;
      margin: 0;
      padding: 0;
      list-style: none;
      color: var(--_muted);
    }
    :is(cognito-login, cognito-new-password) [part~='rule']::before {
      content: '○ ';
    }
    :is(cognito-login, cognito-new-password) [part~='rule'][data-met]::before {
      content: '✓ ';
    }
    :is(cognito-login, cognito-new-password) [part~='rule'][data-met] {
      color: var(--_success);
    }
    :is(cognito-login, cognito-new-password) .cognito-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
