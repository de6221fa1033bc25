/**
 * What the browser and the Node tests both need of a Cognito service, with nothing but `fetch`: a call of its JSON
 * protocol over HTTP, as an SDK or another device makes it (no Amplify, no admin rights), and addresses that no
 * other test uses.
 */

/** An answer of the service: the HTTP status, the error's name when it is one, and the body. */
export interface CognitoAnswer {
  readonly status: number;
  readonly type?: string;
  readonly body: Record<string, unknown>;
}

/** One call of `target` (`InitiateAuth`, `AdminCreateUser`, …) on the service at `endpoint`. */
export async function cognitoCall(endpoint: string, target: string, request: object): Promise<CognitoAnswer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, ...(typeof body['__type'] === 'string' ? { type: body['__type'] } : {}), body };
}

let counter = 0;
/** A unique address per call, so tests never share users (random too: Node runs test files in parallel). */
export const uniqueEmail = (label: string): string =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${(counter++).toString(36)}@example.com`;
