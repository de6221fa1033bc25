/** cognito-elements: the public surface. Importing it registers every element. */
export { CognitoAuthenticator, type AuthenticatorScreen } from './elements/cognito-authenticator.js';
export { CognitoConfirmSignUp } from './elements/cognito-confirm-sign-up.js';
export { CognitoForgotPassword } from './elements/cognito-forgot-password.js';
export { CognitoLogin } from './elements/cognito-login.js';
export { CognitoMfa } from './elements/cognito-mfa.js';
export { CognitoMfaSettings } from './elements/cognito-mfa-settings.js';
export { CognitoNewPassword } from './elements/cognito-new-password.js';
export { CognitoResetPassword } from './elements/cognito-reset-password.js';
export { CognitoSession } from './elements/cognito-session.js';
export { CognitoSignUp } from './elements/cognito-sign-up.js';
export * from './store/index.js';
export { AuthController } from './internal/auth-controller.js';
export * from './events.js';
export { setMessages, type MessageKey, type Messages } from './i18n/index.js';
export { en, ja } from './i18n/catalog.js';
