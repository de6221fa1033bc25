/**
 * What only <cognito-mfa> shows (the factors to choose from; the QR code and setup key are in
 * totp-setup.styles.ts), adopted by it alone so that a page without MFA does not load it. In the same cascade layer as the form styles (form.styles.ts).
 */
import { css } from 'lit';

export const mfaStyles = css`
  @layer cognito-elements {
    cognito-mfa [part~='factors'] {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      border: 0;
    }
    cognito-mfa [part~='factor'] {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2.75rem;
    }
    cognito-mfa [part~='factors'][aria-invalid='true'] {
      outline: 2px solid var(--_error);
      outline-offset: 4px;
    }
  }
`;
