import type { authenticatorStrings } from './strings/authenticator.js';
import type { codeStrings } from './strings/code.js';
import type { coreStrings } from './strings/core.js';
import type { forgotPasswordStrings } from './strings/forgot-password.js';
import type { mfaSettingsStrings } from './strings/mfa-settings.js';
import type { mfaStrings } from './strings/mfa.js';
import type { passwordStrings } from './strings/password.js';
import type { sessionStrings } from './strings/session.js';
import type { signUpStrings } from './strings/sign-up.js';

/** One part of the strings (strings/*.ts): what some elements show, in English and Japanese. */
export interface StringPart<K extends string = string> {
  readonly en: { readonly [key in K]: string };
  readonly ja: { readonly [key in K]: string };
}

/** A part of the strings: the Japanese must have every English key (a missing one does not compile). */
export function strings<E extends Record<string, string>>(
  en: E,
  ja: { readonly [K in keyof E]: string },
): StringPart<keyof E & string> {
  return { en, ja };
}

type KeysOf<P> = P extends StringPart<infer K> ? K : never;

export type MessageKey = KeysOf<
  | typeof coreStrings
  | typeof passwordStrings
  | typeof codeStrings
  | typeof signUpStrings
  | typeof forgotPasswordStrings
  | typeof sessionStrings
  | typeof authenticatorStrings
  | typeof mfaStrings
  | typeof mfaSettingsStrings
>;
/** A full translation: every key, as plain strings with `{name}` placeholders. */
export type Messages = { readonly [K in MessageKey]: string };
