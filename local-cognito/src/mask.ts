/**
 * How Cognito shows where a code went (CodeDeliveryDetails.Destination), without giving the address away.
 *
 * Email, "demo@example.com" → "d***@e***": the first character of each side of the @, each followed by three
 * stars, whatever their length. This is the form of the examples in Cognito's API reference (ForgotPassword,
 * GetUserAttributeVerificationCode: "a***@e***") and of captured answers (Amplify shows it as is). One 2020
 * transcript of `aws cognito-idp sign-up` shows "a***@e***.com", with the top-level domain: Cognito may have
 * answered that way at some time or in some region; not reproduced here.
 *
 * Phone number, "+15555550100" → "+*******0100": a "+", seven stars, the last four digits. The "+" and the last
 * four are what every example shows; the number of stars is a guess: examples show seven, and one README shows
 * eight for another number, so Cognito may write one star per hidden digit.
 */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination[0]}***@${destination[at + 1] ?? ''}***`;
  return `+*******${destination.slice(-4)}`;
}
