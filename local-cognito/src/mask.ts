/** How Cognito shows where a code went, without giving the address away. */

/** "demo@example.com" → "d***@e***"; a phone number → "+*******1234". */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination[0]}***@${destination[at + 1] ?? ''}***`;
  return `+*******${destination.slice(-4)}`;
}
