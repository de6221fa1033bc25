/**
 * What only <cognito-mfa-settings> shows: the list of factors with their state and buttons (its setup form, fields
 * and messages have the form styles; the QR code and key totp-setup.styles.ts). In the form styles' cascade layer.
 */
import { css } from 'lit';

export const mfaSettingsStyles = css`
  @layer cognito-elements {
    cognito-mfa-settings [part~='base'] {
      display: grid;
      gap: var(--_gap);
    }
    cognito-mfa-settings [part~='factors'] {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    cognito-mfa-settings [part~='factor'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
    }
    cognito-mfa-settings [part~='factor-name'] {
      flex: 1;
      font-weight: 600;
    }
    cognito-mfa-settings [part~='factor-state'] {
      color: var(--_muted);
    }
    cognito-mfa-settings [part~='factor-state'][data-on] {
      color: var(--_success);
    }
    cognito-mfa-settings [part~='secondary-button']:disabled {
      cursor: progress;
      opacity: 0.7;
    }
  }
`;
