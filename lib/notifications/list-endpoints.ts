import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type NotificationEndpoint, notificationDeliveries, notificationEndpoints, notificationOutbox } from "@/db/schema";

/** Every channel's endpoints, newest first: the settings page's list. */
export function listAllEndpoints(db: DbOrTx, limit = 200): Promise<NotificationEndpoint[]> {
  return db.select().from(notificationEndpoints).orderBy(desc(notificationEndpoints.createdAt), desc(notificationEndpoints.id)).limit(limit);
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
