/**
 * Styles of the light-DOM forms (every element in FORMS). In a cascade layer, so any page rule
 * wins over them; themable through the --cognito-* custom properties, with light and dark defaults.
 */
import { css, unsafeCSS } from 'lit';
import { palette } from './palette.styles.js';

/** The light-DOM form elements (a constant selector, never page input). */
const FORMS = unsafeCSS(
  ':is(cognito-login, cognito-new-password, cognito-confirm-sign-up, cognito-reset-password, cognito-sign-up, cognito-forgot-password, cognito-mfa, cognito-mfa-settings)',
);

export const formStyles = css`
  @layer cognito-elements {
    ${FORMS} {
      ${palette}
      display: block;
      max-width: var(--cognito-max-width, 24rem);
      color: var(--_text);
      font: var(--cognito-font, inherit);
    }
    ${FORMS}[hidden],
    ${FORMS} [hidden] {
      display: none !important;
    }
    ${FORMS} [part~='form'] {
      display: grid;
      gap: var(--_gap);
      margin: 0;
    }
    ${FORMS} [part~='heading'] {
      margin: 0;
      font-size: 1.25em;
    }
    ${FORMS} [part~='intro'],
    ${FORMS} [part~='notice'] {
      margin: 0;
      color: var(--_muted);
    }
    ${FORMS} [part~='remember'] {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    ${FORMS} [part~='field'] {
      display: grid;
      gap: 0.25rem;
    }
    ${FORMS} [part~='label'] {
      font-weight: 600;
    }
    ${FORMS} [part~='input'] {
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
    ${FORMS} [part~='input'][aria-invalid='true'] {
      border-color: var(--_error);
    }
    ${FORMS} :focus-visible {
      outline: 2px solid var(--cognito-focus-ring, var(--_primary));
      outline-offset: 2px;
    }
    ${FORMS} [part~='password-row'] {
      display: flex;
      gap: 0.5rem;
    }
    ${FORMS} [part~='password-row'] > [part~='input'] {
      flex: 1;
      min-width: 0;
    }
    ${FORMS} [part~='toggle-password'],
    ${FORMS} [part~='secondary-button'] {
      min-height: 2.5rem;
      padding: 0 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    ${FORMS} [part~='submit-button'] {
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
    ${FORMS} [part~='submit-button']:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    ${FORMS} [part~='error']:not([data-empty]) {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--_error);
      border-radius: var(--_radius);
      background: var(--_error-surface);
      color: var(--_error);
    }
    ${FORMS} [part~='checklist'] {
      display: grid;
      gap: 0.125rem;
      margin: 0;
      padding: 0;
      list-style: none;
      color: var(--_muted);
    }
    ${FORMS} [part~='rule']::before {
      content: '○ ';
    }
    ${FORMS} [part~='rule'][data-met]::before {
      content: '✓ ';
    }
    ${FORMS} [part~='rule'][data-met] {
      color: var(--_success);
    }
    ${FORMS} .cognito-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
