/**
 * Styles of the light-DOM forms (<cognito-login>, <cognito-new-password>). In a cascade layer, so any page rule
 * wins over them; themable through the --cognito-* custom properties, with light and dark defaults.
 */
import { css } from 'lit';
import { palette } from './palette.styles.js';

export const formStyles = css`
  @layer cognito-elements {
    cognito-login,
    cognito-new-password {
      ${palette}
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
