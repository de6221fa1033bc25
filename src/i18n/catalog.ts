/**
 * Every string of every element, by language: for the package's entry (`en`, `ja`, e.g. to start a translation:
 * `setMessages('de', { ...en, 'login.submit': 'Anmelden' })`) and for tests. Elements do not import this: each
 * brings only its own part (strings/*.ts), so a page pays for the strings of the elements it loads.
 */
import { authenticatorStrings } from './strings/authenticator.js';
import { codeStrings } from './strings/code.js';
import { coreStrings } from './strings/core.js';
import { forgotPasswordStrings } from './strings/forgot-password.js';
import { mfaSettingsStrings } from './strings/mfa-settings.js';
import { mfaStrings } from './strings/mfa.js';
import { passwordStrings } from './strings/password.js';
import { sessionStrings } from './strings/session.js';
import { signUpStrings } from './strings/sign-up.js';
import type { Messages, StringPart } from './types.js';

const PARTS: readonly StringPart[] = [
  coreStrings,
  passwordStrings,
  codeStrings,
  signUpStrings,
  forgotPasswordStrings,
  sessionStrings,
  authenticatorStrings,
  mfaStrings,
  mfaSettingsStrings,
];

export const en = Object.assign({}, ...PARTS.map((part) => part.en)) as Messages;
export const ja = Object.assign({}, ...PARTS.map((part) => part.ja)) as Messages;
