/** Checks a configuration before Amplify sees it, so a typo gives a message that names it. */
import type { CognitoConfig, ConfigProblem } from './types.js';

// <region>_<id>: ap-northeast-1_AbC123xyZ, us-gov-west-1_…, and local_… for the local service.
const POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$|^local_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[0-9A-Za-z]{1,128}$/;

export interface PartialConfig {
  readonly userPoolId?: string | null | undefined;
  readonly userPoolClientId?: string | null | undefined;
  readonly userPoolEndpoint?: string | null | undefined;
}

/** `http:`, `https:`, …, or '' for what is not a URL (URL.canParse is too new for some browsers still in use). */
function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** The first thing wrong with a configuration, or undefined when it is usable. */
export function configProblem(config: PartialConfig): ConfigProblem | undefined {
  const poolId = config.userPoolId?.trim();
  const clientId = config.userPoolClientId?.trim();
  if (!poolId && !clientId) return { code: 'missing' };
  if (!poolId) return { code: 'missingPoolId' };
  if (!clientId) return { code: 'missingClientId' };
  if (!POOL_ID.test(poolId)) return { code: 'invalidPoolId', value: poolId };
  if (!CLIENT_ID.test(clientId)) return { code: 'invalidClientId', value: clientId };
  const endpoint = config.userPoolEndpoint?.trim();
  if (endpoint) {
    if (!['http:', 'https:'].includes(protocolOf(endpoint))) return { code: 'invalidEndpoint', value: endpoint };
  }
  return undefined;
}

export const sameConfig = (a: CognitoConfig, b: CognitoConfig): boolean =>
  a.userPoolId === b.userPoolId &&
  a.userPoolClientId === b.userPoolClientId &&
  (a.userPoolEndpoint || undefined) === (b.userPoolEndpoint || undefined);

/** The developer's message for a configuration problem (for `cognito-error`; the elements show a localized one). */
export const describeConfigProblem = (problem: ConfigProblem): string =>
  `Invalid configuration: ${problem.code}${problem.value ? ` (${problem.value})` : ''}`;

/** A usable deadline in milliseconds, or undefined for anything else (NaN, 0, negative, absurdly long). */
export function validTimeout(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 100 && value <= 600_000 ? value : undefined;
}
