import "server-only";
import type { NotificationChannelName } from "@/db/schema";
import type { EventType } from "./event-catalog";
import type { PostResult } from "./post-webhook";
import type { Lookup } from "./ssrf-guard";
import type { SecretKey } from "./secret-box";
import { type EmailSettings, emailChannel } from "./email-channel";
import { slackChannel } from "./slack-channel";
import { webhookChannel } from "./webhook-channel";

/** One outbox event as a channel sends it. */
export interface OutboxEvent {
  id: string;
  type: EventType;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** What a channel knows of the endpoint it sends to. */
export interface ChannelEndpoint {
  id: string;
  url: string;
  secretCiphertext: string | null;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface SendContext {
  /** The attempt's time (the drain's clock). */
  now: Date;
  secretKey: SecretKey;
  allowPrivate: boolean;
  timeoutMs?: number;
  lookup?: Lookup;
  /** SMTP for the email channel (absent: an email attempt fails saying SMTP_URL is not set). */
  email?: EmailSettings;
}

/** One attempt's outcome, as the delivery log records it. */
export type AttemptOutcome = PostResult;

/**
 * A way of telling someone: the drain claims due deliveries, hands each to its endpoint's channel, and applies the
 * same retry schedule, log and disabling whatever the channel. Slack (an incoming-webhook URL and a readable message)
 * and email plug in here as further channels. `send` never throws for a failed send: it describes it.
 */
export interface NotificationChannel {
  send(endpoint: ChannelEndpoint, event: OutboxEvent, ctx: SendContext): Promise<AttemptOutcome>;
}

export const channels: Partial<Record<NotificationChannelName, NotificationChannel>> = { webhook: webhookChannel, email: emailChannel, slack: slackChannel };
