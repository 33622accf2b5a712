import "server-only";
import type { DbOrTx } from "@/db";
import { notificationOutbox } from "@/db/schema";
import { eventCatalog, type NotificationEvent } from "./event-catalog";

/** Rows per insert: a large drift sweep's events go in a few statements, well under PostgreSQL's parameter limit. */
const insertBatch = 1000;

/**
 * Writes events to the outbox. Call it with the transaction of the change that causes them: the events then exist
 * exactly when the change committed, whatever happens to the process afterwards; the drain delivers them later.
 * Each event's data is checked against the catalogue first, so a producer's mistake fails its own tests, not a
 * receiver. Returns the events' ids (their stable ids, the `webhook-id` of every delivery).
 */
export async function recordEvents(tx: DbOrTx, events: readonly NotificationEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    type: e.type,
    data: eventCatalog[e.type].schema.parse(e.data) as Record<string, unknown>,
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
  }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += insertBatch) {
    const inserted = await tx.insert(notificationOutbox).values(rows.slice(i, i + insertBatch)).returning({ id: notificationOutbox.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function recordEvent(tx: DbOrTx, event: NotificationEvent): Promise<string> {
  const [id] = await recordEvents(tx, [event]);
  return id!;
}
