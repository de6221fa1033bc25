/**
 * Where the codes go. Replaces cognito-local's console box (which reaches the console one request late) with a
 * line printed at once, and keeps every message so tests and a demo's "local inbox" read codes deterministically
 * instead of scraping logs (`GET /_local/messages`). Kept in memory: the codes themselves are stored with the users.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';

/** The call that sent the message: cognito-local's names, and AdminResetUserPassword, which it lacks. */
export type MessageSource = Parameters<Messages['deliver']>[1] | 'AdminResetUserPassword';

/** What the code is for, that is, which call takes it. */
export type MessageKind =
  /** ConfirmSignUp (sent by SignUp and ResendConfirmationCode). */
  | 'confirm-sign-up'
  /** ConfirmForgotPassword (sent by ForgotPassword and AdminResetUserPassword). */
  | 'reset-password'
  /** VerifyUserAttribute. */
  | 'verify-attribute'
  /** Not a code: the temporary password of an invitation (AdminCreateUser). */
  | 'temporary-password'
  /** An MFA code at sign-in. */
  | 'sign-in';

const KIND: Record<MessageSource, MessageKind> = {
  SignUp: 'confirm-sign-up',
  ResendCode: 'confirm-sign-up',
  ForgotPassword: 'reset-password',
  AdminResetUserPassword: 'reset-password',
  UpdateUserAttribute: 'verify-attribute',
  VerifyUserAttribute: 'verify-attribute',
  AdminCreateUser: 'temporary-password',
  Authentication: 'sign-in',
};

export interface DeliveredMessage {
  readonly at: Date;
  readonly source: MessageSource;
  readonly kind: MessageKind;
  readonly userPoolId: string;
  readonly clientId: string | null;
  readonly username: string;
  readonly medium: DeliveryDetails['DeliveryMedium'];
  /** The address in full (the API answers show it masked). */
  readonly destination: string;
  readonly code: string;
  /** When the code stops working, for the codes whose lifetime this service enforces. */
  readonly expiresAt?: Date;
}

export interface Delivery {
  readonly source: MessageSource;
  readonly userPoolId: string;
  readonly clientId: string | null;
  readonly user: User;
  readonly code: string;
  readonly delivery: DeliveryDetails;
  readonly expiresAt?: Date;
}

export class Outbox implements Messages {
  private readonly sent: DeliveredMessage[] = [];

  constructor(private readonly print: (line: string) => void) {}

  /** cognito-local's way in (invitations, attribute verification, MFA). */
  async deliver(
    _ctx: Context,
    source: MessageSource,
    clientId: string | null,
    userPoolId: string,
    user: User,
    code: string,
    _clientMetadata: Record<string, string> | undefined,
    delivery: DeliveryDetails,
  ): Promise<void> {
    this.send({ source, clientId, userPoolId, user, code, delivery });
  }

  /** This layer's way in: the codes whose lifetime it enforces. */
  send({ source, userPoolId, clientId, user, code, delivery, expiresAt }: Delivery): void {
    this.sent.push({
      at: new Date(),
      source,
      kind: KIND[source],
      userPoolId,
      clientId,
      username: user.Username,
      medium: delivery.DeliveryMedium,
      destination: delivery.Destination,
      code,
      ...(expiresAt ? { expiresAt } : {}),
    });
    this.print(`${source} code for ${delivery.Destination} (${delivery.DeliveryMedium}): ${code}`);
  }

  /** Every message so far, oldest first; optionally only those sent to one address. */
  messages(destination?: string): readonly DeliveredMessage[] {
    return destination === undefined ? [...this.sent] : this.sent.filter((m) => m.destination === destination);
  }

  /** The newest code sent to `destination`, optionally of one source (SignUp, ResendCode, ForgotPassword, …). */
  latestCode(destination: string, source?: MessageSource): string | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i]!;
      if (m.destination === destination && (source === undefined || m.source === source)) return m.code;
    }
    return undefined;
  }
}
