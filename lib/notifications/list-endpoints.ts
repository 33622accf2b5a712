import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type NotificationEndpoint, notificationDeliveries, notificationEndpoints, notificationOutbox } from "@/db/schema";

export type EndpointSummary = Pick<NotificationEndpoint, "id" | "channel" | "digest" | "url" | "events" | "status" | "disabledReason" | "disabledAt" | "createdBy">;

/** Every channel's endpoints, newest first: the settings page's list, without the (encrypted) signing secrets. */
export function listAllEndpoints(db: DbOrTx, limit = 200): Promise<EndpointSummary[]> {
  const e = notificationEndpoints;
  return db
    .select({ id: e.id, channel: e.channel, digest: e.digest, url: e.url, events: e.events, status: e.status, disabledReason: e.disabledReason, disabledAt: e.disabledAt, createdBy: e.createdBy })
    .from(e)
    .orderBy(desc(e.createdAt), desc(e.id))
    .limit(limit);
}

export interface RecentDelivery {
  id: string;
  type: string;
  endpointUrl: string;
  channel: string;
  status: string;
  attempts: number;
  lastAttemptAt: Date | null;
  createdAt: Date;
}

/** The delivery log across endpoints, newest first: the settings page's view of what went where. */
export async function listRecentDeliveries(db: DbOrTx, limit = 50): Promise<RecentDelivery[]> {
  return db
    .select({
      id: notificationDeliveries.id,
      type: notificationOutbox.type,
      endpointUrl: notificationEndpoints.url,
      channel: notificationEndpoints.channel,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastAttemptAt: notificationDeliveries.lastAttemptAt,
      createdAt: notificationDeliveries.createdAt,
    })
    .from(notificationDeliveries)
    .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.eventId))
    .innerJoin(notificationEndpoints, eq(notificationEndpoints.id, notificationDeliveries.endpointId))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(limit);
}
