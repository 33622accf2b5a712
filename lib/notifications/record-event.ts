import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { eventCatalog, type NotificationEvent } from "./event-catalog";

/** Rows per statement: a large drift sweep's events go in a few statements of bounded size. */
const insertBatch = 1000;

/**
 * Writes events to the outbox. Call it with the transaction of the change that causes them: the events then exist
 * exactly when the change committed, whatever happens to the process afterwards; the drain delivers them later.
 * Each event's data is checked against the catalogue first, so a producer's mistake fails its own tests, not a
 * receiver. Returns the events' ids, in order (their stable ids, the `webhook-id` of every delivery).
 */
export async function recordEvents(tx: DbOrTx, events: readonly NotificationEvent[]): Promise<string[]> {
  const rows = events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    data: eventCatalog[e.type].schema.parse(e.data),
    occurred_at: e.occurredAt?.toISOString() ?? null,
  }));
  for (let i = 0; i < rows.length; i += insertBatch) {
    // One JSON parameter per batch: a thousand rows of bound jsonb values take ten times as long to send.
    await tx.execute(sql`
      insert into notification_outbox (id, type, data, occurred_at)
      select x.id, x.type, x.data, coalesce(x.occurred_at, now())
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + insertBatch))}::jsonb) as x(id uuid, type text, data jsonb, occurred_at timestamptz)`);
  }
  return rows.map((r) => r.id);
}

export async function recordEvent(tx: DbOrTx, event: NotificationEvent): Promise<string> {
  const [id] = await recordEvents(tx, [event]);
  return id!;
}
