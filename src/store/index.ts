/**
 * The store's public API as plain functions, for pages and frameworks that do not go through an element.
 * All act on the page's one store.
 */
import { getAuthStore, type AuthFetchOptions, type SignOutOptions, type TokenOptions } from './auth-store.js';
import type { AuthState, AuthTokens, CognitoConfig, MfaFactor, MfaFactorChange, MfaSettings } from './types.js';

export { AuthStore, getAuthStore, resetAuthStore } from './auth-store.js';
export type {
  ActionOptions,
  AuthFetchOptions,
  SignInOptions,
  SignInResult,
  SignOutOptions,
  SignUpOptions,
  TokenOptions,
} from './auth-store.js';
export { CognitoAuthError, toAuthError, type AuthErrorCode } from './errors.js';
export type * from './types.js';

/** Sets the user pool for every element on the page (the first configuration wins). */
export const configure = (config: CognitoConfig): boolean => getAuthStore().configure(config);

/** The current auth state. */
export const getAuthState = (): AuthState => getAuthStore().state;

/** The current tokens, refreshed first when expired; rejects with `NotSignedIn` when signed out. */
export const getTokens = (options?: TokenOptions): Promise<AuthTokens> => getAuthStore().getTokens(options);

/** `fetch` with `Authorization: Bearer <ID token>` (`{ token: 'access' }` for the access token). */
export const authFetch = (
  input: RequestInfo | URL,
  init?: RequestInit,
  options?: AuthFetchOptions,
): Promise<Response> => getAuthStore().authFetch(input, init, options);

/** Signs out here, or on every device with `{ global: true }`. */
export const signOut = (options?: SignOutOptions): Promise<void> => getAuthStore().signOut(options);

/** The signed-in user's second factors: which are on, which is preferred. */
export const getMfaSettings = (): Promise<MfaSettings> => getAuthStore().getMfaSettings();

/** Turns a factor on (`enabled`), off (`disabled`) or makes it the preferred one (`preferred`). */
export const setMfaFactor = (factor: MfaFactor, change: MfaFactorChange): Promise<MfaSettings> =>
  getAuthStore().setMfaFactor(factor, change);
