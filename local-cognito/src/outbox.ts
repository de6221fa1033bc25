/**
 * Where the codes go. Replaces cognito-local's console box (which reaches the console one request late) with a
 * line printed at once, and keeps every message so tests read codes deterministically instead of scraping logs.
 */
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';

export type MessageSource = Parameters<Messages['deliver']>[1];

export interface DeliveredMessage {
  readonly at: Date;
  readonly source: MessageSource;
  readonly userPoolId: string;
  readonly clientId: string | null;
  readonly username: string;
  readonly medium: DeliveryDetails['DeliveryMedium'];
  readonly destination: string;
  readonly code: string;
}

export class Outbox implements Messages {
  private readonly sent: DeliveredMessage[] = [];

  constructor(private readonly print: (line: string) => void) {}

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
    this.sent.push({
      at: new Date(),
      source,
      userPoolId,
      clientId,
      username: user.Username,
      medium: delivery.DeliveryMedium,
      destination: delivery.Destination,
      code,
    });
    this.print(`${source} code for ${delivery.Destination} (${delivery.DeliveryMedium}): ${code}`);
  }

  /** Every message so far, oldest first; optionally only those sent to one address. */
  messages(destination?: string): readonly DeliveredMessage[] {
    return destination === undefined ? [...this.sent] : this.sent.filter((m) => m.destination === destination);
  }

  /** The newest code sent to `destination`, optionally of one kind (SignUp, ResendCode, ForgotPassword, …). */
  latestCode(destination: string, source?: MessageSource): string | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i]!;
      if (m.destination === destination && (source === undefined || m.source === source)) return m.code;
    }
    return undefined;
  }
}
