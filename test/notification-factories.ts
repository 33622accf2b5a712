import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationDeliveries, notificationEndpoints } from "@/db/schema";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { createWebhookEndpoint } from "@/lib/notifications/endpoints";
import type { EventType, NotificationEvent } from "@/lib/notifications/event-catalog";
import { recordEvent } from "@/lib/notifications/record-event";
import { deriveSecretKey, type SecretKey } from "@/lib/notifications/secret-box";
import type { NotificationSettings } from "@/lib/notifications/settings";

let key: SecretKey | undefined;

/**
 * Settings for tests that deliver to a local receiver: private addresses allowed, as WEBHOOK_ALLOW_PRIVATE=1 does, and
 * the key the app derives from NEXTAUTH_SECRET (test/setup-env.ts), so routes, jobs and tests agree on it.
 */
export const localDelivery: NotificationSettings = { allowPrivate: true, secretKey: () => (key ??= deriveSecretKey(process.env.NEXTAUTH_SECRET!)) };

/** A webhook endpoint on a (local) URL subscribed to `events`, with its secret. */
export function createTestEndpoint(db: DbOrTx, url: string, events: EventType[] = ["job.abandoned"]) {
  return createWebhookEndpoint(db, { url, events }, { ...localDelivery, actor: "test" });
}

let seq = 0;

/** A job.abandoned event with a unique job name (the cheapest event to write by hand). */
export function abandonedJobEvent(job = `job-${Date.now().toString(36)}-${seq++}`): NotificationEvent {
  return {
    type: "job.abandoned",
    data: {
      job_run_id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c",
      job,
      started_at: "2026-11-25T09:00:00.000Z",
      heartbeat_at: "2026-11-25T09:01:00.000Z",
      error: "its heartbeat stopped",
    },
  };
}

export function recordAbandonedJob(db: DbOrTx, job?: string): Promise<string> {
  return recordEvent(db, abandonedJobEvent(job));
}

/**
 * An endpoint holding one delivery of a new event, with the ids asked for: what the API tests that address an
 * endpoint or a delivery by id need to exist.
 */
export async function seedWebhookDelivery(db: DbOrTx, ids: { endpointId?: string; deliveryId?: string } = {}) {
  const endpoint = await createTestEndpoint(db, "https://hooks.example.com/seeded");
  const endpointId = ids.endpointId ?? endpoint.id;
  if (ids.endpointId) await db.update(notificationEndpoints).set({ id: endpointId }).where(eq(notificationEndpoints.id, endpoint.id));
  const eventId = await recordAbandonedJob(db);
  await dispatchEvents(db, new Date());
  const where = and(eq(notificationDeliveries.eventId, eventId), eq(notificationDeliveries.endpointId, endpointId));
  if (ids.deliveryId) await db.update(notificationDeliveries).set({ id: ids.deliveryId }).where(where);
  const [delivery] = await db.select({ id: notificationDeliveries.id }).from(notificationDeliveries).where(where);
  return { endpointId, deliveryId: delivery!.id };
}
