/**
 * Type test for `cognito-elements/react` (src/react.ts), compiled by `npm run typecheck` and never run: in JSX the
 * elements take their own properties and `oncognito-*` events, typed. Each `@ts-expect-error` proves a mistake is
 * caught. (That apps without the import are unaffected is test/e2e/package.test.ts's vanilla app.)
 */
import '../../src/react.js';
import type { CognitoMfaChangeEvent } from '../../src/events.js';

export const valid = (
  <>
    <cognito-login
      userPoolId="ap-northeast-1_AbC123xyZ"
      clientId="abc123"
      authFlow="password"
      tokenStorage="session"
      oncognito-signed-in={(event) => void event.detail.user.email?.toLowerCase()}
      oncognito-error={(event) => void event.detail.action}
      slot="signed-out"
    />
    <cognito-new-password minLength={10} require="lowercase numbers" />
    <cognito-session global showToken className="account" oncognito-signed-out={(event) => void event.detail.reason}>
      <p slot="signed-in">…</p>
      <cognito-mfa-settings
        slot="signed-in"
        factors="totp email"
        totpIssuer="Example Shop"
        oncognito-mfa-change={(event) => void event.detail.enabled.includes('TOTP')}
      />
    </cognito-session>
    <cognito-mfa totpIssuer="Example Shop" />
  </>
);

const onMfaChange = (event: CognitoMfaChangeEvent) =>
  // @ts-expect-error the factors are 'TOTP' | 'SMS' | 'EMAIL'
  event.detail.enabled.includes('SMTP');
export const mfaListener = <cognito-mfa-settings oncognito-mfa-change={onMfaChange} />;

// @ts-expect-error only 'srp' or 'password'
export const badFlow = <cognito-login authFlow="custom" />;
// @ts-expect-error minLength is a number
export const badLength = <cognito-new-password minLength="8" />;
// @ts-expect-error the user has no password
export const badDetail = <cognito-login oncognito-signed-in={(event) => event.detail.user.password} />;
// @ts-expect-error showToken is <cognito-session>'s
export const wrongElement = <cognito-login showToken />;
// @ts-expect-error a method is not a prop
export const method = <cognito-session focusTargetFor={() => null} />;
