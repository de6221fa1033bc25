/** Styles of <cognito-session> (shadow DOM). */
import { css } from 'lit';
import { palette } from './palette.styles.js';

export const sessionStyles = css`
  :host {
    ${palette}
    display: block;
    color: var(--_text);
    font: var(--cognito-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  [part~='user'] {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Focused by script after a sign-in, so that the next Tab is "Sign out"; it is not a control, so no ring. */
  [part~='user']:focus {
    outline: none;
  }
  [part~='config-error'] {
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_error-surface);
    color: var(--_error);
  }
  [part~='sign-out-button'] {
    min-height: 2.25rem;
    padding: 0 0.875rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_primary);
    font: inherit;
    cursor: pointer;
  }
  [part~='error'] {
    flex-basis: 100%;
    margin: 0;
    color: var(--_error);
  }
  [part~='error'][data-empty] {
    display: none;
  }
  [part~='sign-out-button']:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  :focus-visible {
    outline: 2px solid var(--cognito-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  [part~='token'] {
    flex-basis: 100%;
  }
  [part~='token'] > summary {
    cursor: pointer;
    color: var(--_primary);
  }
  [part~='token-value'],
  [part~='claims'] {
    margin: 0.25rem 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_code);
    font:
      0.8125rem/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      monospace;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .label {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }
  .note,
  [part~='expiry'] {
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
`;
