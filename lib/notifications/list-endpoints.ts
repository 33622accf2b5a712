import "server-only";
import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type NotificationEndpoint, notificationEndpoints } from "@/db/schema";

/** Every channel's endpoints, newest first: the settings page's list. */
export function listAllEndpoints(db: DbOrTx, limit = 200): Promise<NotificationEndpoint[]> {
  return db.select().from(notificationEndpoints).orderBy(desc(notificationEndpoints.createdAt), desc(notificationEndpoints.id)).limit(limit);
}
