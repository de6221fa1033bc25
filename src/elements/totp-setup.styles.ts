/**
 * The QR code and setup key of an authenticator app's setup (totp-setup.ts), for both elements that show it;
 * adopted by them alone, so that a page without MFA does not load it. In the form styles' cascade layer.
 */
import { css } from 'lit';

export const totpSetupStyles = css`
  @layer cognito-elements {
    :is(cognito-mfa, cognito-mfa-settings) [part~='qr-code'] {
      width: min(12rem, 100%);
      height: auto;
      justify-self: center;
    }
    /* A light quiet zone and dark modules in every theme: scanners expect dark on light. */
    :is(cognito-mfa, cognito-mfa-settings) [part~='qr-background'] {
      fill: #fff;
    }
    :is(cognito-mfa, cognito-mfa-settings) [part~='qr-modules'] {
      fill: #000;
    }
    :is(cognito-mfa, cognito-mfa-settings) [part~='secret'] {
      font:
        1.1em ui-monospace,
        monospace;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
      user-select: all;
    }
  }
`;
