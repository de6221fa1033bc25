/**
 * What only <cognito-mfa> shows (the factors to choose from, the QR code, the setup key), adopted by it alone so
 * that a page without MFA does not load it. In the same cascade layer as the form styles (form.styles.ts).
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
    cognito-mfa [part~='qr-code'] {
      width: min(12rem, 100%);
      height: auto;
      justify-self: center;
    }
    /* A light quiet zone and dark modules in every theme: scanners expect dark on light. */
    cognito-mfa [part~='qr-background'] {
      fill: #fff;
    }
    cognito-mfa [part~='qr-modules'] {
      fill: #000;
    }
    cognito-mfa [part~='secret'] {
      font:
        1.1em ui-monospace,
        monospace;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
      user-select: all;
    }
  }
`;
