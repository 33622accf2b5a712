import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationEndpoints } from "@/db/schema";
import { createWebhookEndpoint } from "@/lib/notifications/endpoints";
import type { EventType } from "@/lib/notifications/event-catalog";
import type { NotificationSettings } from "@/lib/notifications/settings";

const demoActor = "demo-seed";

/** The fake DO's demo receiver (test/fake-do/receive-demo-webhook.ts), served beside its API with --demo-story. */
export const demoWebhookPath = "/demo/webhook-receiver";

/** What the demo's own jobs announce: its drifts, October's invoice, the unbilled tenants, Globex's request. */
export const demoWebhookEvents: EventType[] = ["drift.detected", "invoice.unreconciled", "usage.unbilled", "cost.anomaly", "budget.threshold", "provisioning.requested"];

export type DemoWebhookDeps = NotificationSettings & { db: Db; doApiUrl: string };

/**
 * One webhook endpoint on the fake DO's demo receiver, registered through the API's own operation, so the demo's
 * sync, ingest and drift sweep leave deliveries in the log. The receiver is on 127.0.0.1: only with
 * WEBHOOK_ALLOW_PRIVATE (npm run demo sets it). Once: any endpoint the seed registered before counts.
 */
export async function seedDemoWebhook(deps: DemoWebhookDeps): Promise<string> {
  if (!deps.allowPrivate) return "demo webhook: off (WEBHOOK_ALLOW_PRIVATE is not set)";
  const [earlier] = await deps.db
    .select({ id: notificationEndpoints.id })
    .from(notificationEndpoints)
    .where(and(eq(notificationEndpoints.channel, "webhook"), eq(notificationEndpoints.createdBy, demoActor)))
    .limit(1);
  if (earlier) return "demo webhook: 0 endpoints registered";
  const url = new URL(demoWebhookPath, deps.doApiUrl).toString();
  await createWebhookEndpoint(deps.db, { url, events: demoWebhookEvents }, { ...deps, actor: demoActor });
  return "demo webhook: 1 endpoint registered";
}
