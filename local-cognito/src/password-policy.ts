/** The user pool password policy, which cognito-local stores but never applies. */
import { invalidPassword } from './errors.js';

export interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** Cognito's default for a pool created without a policy. */
export const DEFAULT_PASSWORD_POLICY: Required<PasswordPolicy> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

// The special characters Cognito accepts as symbols (and the space).
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** Throws InvalidPasswordException with Cognito's wording when the password breaks the policy. */
export function assertPasswordPolicy(password: unknown, policy: PasswordPolicy | undefined): void {
  const p = { ...DEFAULT_PASSWORD_POLICY, ...(policy ?? {}) };
  const value = typeof password === 'string' ? password : '';
  if (value.length < p.MinimumLength) throw invalidPassword('Password not long enough');
  if (value.length > 256) throw invalidPassword('Password must have less than 256 characters');
  if (p.RequireLowercase && !/[a-z]/.test(value)) throw invalidPassword('Password must have lowercase characters');
  if (p.RequireUppercase && !/[A-Z]/.test(value)) throw invalidPassword('Password must have uppercase characters');
  if (p.RequireNumbers && !/[0-9]/.test(value)) throw invalidPassword('Password must have numeric characters');
  if (p.RequireSymbols && !SYMBOL.test(value)) throw invalidPassword('Password must have symbol characters');
}
