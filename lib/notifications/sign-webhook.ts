import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The body of every delivery: the same bytes are signed and sent. */
export function webhookBody(event: { type: string; occurredAt: Date; data: unknown }): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });
}

/**
 * The three Standard Webhooks headers. `webhook-id` is the event's stable id (the same on every attempt, so a
 * receiver can drop repeats); `webhook-timestamp` is the attempt's time in seconds. Each secret adds one `v1,…`
 * signature, space-separated: during a rotation's overlap both the new and the previous secret sign.
 */
export function webhookHeaders(secrets: readonly string[], msgId: string, attemptAt: Date, body: string): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(msgId, attemptAt, body)).join(" ");
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(attemptAt.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
