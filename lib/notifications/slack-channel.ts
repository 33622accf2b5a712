import "server-only";
import type { DbOrTx } from "@/db";
import { notificationEndpoints } from "@/db/schema";
import type { NotificationChannel, OutboxEvent } from "./channels";
import { checkedUrl } from "./endpoints";
import { type EventType, eventCatalog } from "./event-catalog";
import { postWebhook } from "./post-webhook";
import type { Lookup } from "./ssrf-guard";

/** Slack's incoming-webhook message: one line saying what happened, the event's fields, and a link to the console. */
export function slackMessage(event: OutboxEvent, consoleUrl: string | undefined): { text: string } {
  const fields = Object.entries(event.data).map(([k, v]) => `• ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  const link = consoleUrl ? [`<${new URL("/activity", consoleUrl).toString()}|Open in arcadia-cloud>`] : [];
  return { text: [`*${event.type}*: ${eventCatalog[event.type]?.summary ?? ""}`, ...fields, ...link].join("\n") };
}

/** Posts to the endpoint's incoming-webhook URL through the same SSRF-checked connection as webhooks, unsigned. */
export const slackChannel: NotificationChannel = {
  send(endpoint, event, ctx) {
    // NEXTAUTH_URL travels in the notification settings next to SMTP (settings.ts): one place reads it.
    const body = JSON.stringify(slackMessage(event, ctx.email?.consoleUrl));
    return postWebhook(endpoint.url, body, { "content-type": "application/json" }, ctx);
  },
};

/** A Slack incoming webhook subscribed to `events`; its URL is checked against SSRF like a webhook's (400 if refused). */
export async function createSlackEndpoint(
  db: DbOrTx,
  body: { url: string; events: EventType[] },
  opts: { allowPrivate: boolean; lookup?: Lookup; actor: string },
) {
  const url = await checkedUrl(body.url, opts);
  const [row] = await db.insert(notificationEndpoints).values({ channel: "slack", url, events: body.events, createdBy: opts.actor }).returning();
  return row!;
}
