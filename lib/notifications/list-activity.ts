import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notificationOutbox } from "@/db/schema";
import { parseSearchParams } from "@/lib/http/search-params";
import { eventCatalog, type EventType, eventTypes } from "./event-catalog";

/** The activity page's URL: `type` narrows the feed to one event type. */
export const activityQuery = z.object({ type: z.enum(eventTypes).optional() });
export type ActivityQuery = z.infer<typeof activityQuery>;

export function parseActivityQuery(raw: Record<string, string | string[] | undefined>) {
  return parseSearchParams(activityQuery, raw);
}

export interface ActivityItem {
  id: string;
  type: EventType;
  summary: string;
  data: Record<string, unknown>;
  occurred_at: string;
}

/** Every event the outbox holds, newest first: the activity feed (whether or not any endpoint subscribed to it). */
export async function listActivity(db: DbOrTx, query: ActivityQuery & { limit?: number }): Promise<ActivityItem[]> {
  const rows = await db
    .select()
    .from(notificationOutbox)
    .where(query.type ? eq(notificationOutbox.type, query.type) : undefined)
    .orderBy(desc(notificationOutbox.occurredAt), desc(notificationOutbox.id))
    .limit(query.limit ?? 100);
  return rows.map((r) => ({
    id: r.id,
    type: r.type as EventType,
    summary: eventCatalog[r.type as EventType]?.summary ?? "",
    data: r.data,
    occurred_at: r.occurredAt.toISOString(),
  }));
}
