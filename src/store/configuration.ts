/**
 * Which configuration the page uses. The first one wins: from `configure()`, an element's attributes, or an app's
 * own earlier `Amplify.configure(...)`, which is used as it is. A different one later is a conflict (warned once);
 * a malformed one never replaces a working one.
 */
import * as amplify from './amplify.js';
import { configProblem, sameConfig, validTimeout } from './config.js';
import type { CognitoConfig, ConfigProblem } from './types.js';

/** The deadline of every network action unless configured (`timeoutMs`). */
export const DEFAULT_TIMEOUT_MS = 15_000;

export type Offer =
  | { readonly kind: 'invalid'; readonly problem: ConfigProblem; readonly first: boolean }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'accepted' };

export class Configuration {
  #inUse: CognitoConfig | undefined;
  #warnedConflict = false;
  #timeoutMs = DEFAULT_TIMEOUT_MS;

  /** The configuration in use, once there is one. */
  get inUse(): CognitoConfig | undefined {
    return this.#inUse;
  }

  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  /** Takes `config` if it is the first usable one (configuring Amplify), and says what became of it. */
  offer(config: CognitoConfig): Offer {
    const problem = configProblem(config);
    if (problem) return { kind: 'invalid', problem, first: !this.#inUse };
    const wanted: CognitoConfig = {
      ...config,
      userPoolId: config.userPoolId.trim(),
      userPoolClientId: config.userPoolClientId.trim(),
    };
    const existing = this.#inUse ?? amplify.existingConfig();
    if (existing && !sameConfig(existing, wanted)) {
      this.#inUse ??= existing;
      const message = `cognito-elements: a second, different Cognito configuration (${wanted.userPoolId} / ${wanted.userPoolClientId}) was ignored; ${existing.userPoolId} / ${existing.userPoolClientId} stays in use.`;
      if (!this.#warnedConflict) console.warn(message);
      this.#warnedConflict = true;
      return { kind: 'conflict', message };
    }
    if (!this.#inUse) {
      // The app configured Amplify itself: its token storage stays unless one is asked for explicitly.
      if (existing) {
        if (wanted.storage) amplify.useStorage(wanted.storage);
      } else {
        amplify.configure(wanted);
      }
      this.#inUse = wanted;
    }
    // The deadline of the configuration in use (a second element may give it; an ignored one may not).
    if (config.timeoutMs !== undefined) {
      const timeout = validTimeout(config.timeoutMs);
      if (timeout === undefined)
        console.warn(
          `cognito-elements: timeoutMs ${String(config.timeoutMs)} is not a usable deadline (100–600000 ms); ${this.#timeoutMs} ms stays in use.`,
        );
      else this.#timeoutMs = timeout;
    }
    return { kind: 'accepted' };
  }
}
