import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { eventCatalog, type NotificationEvent } from "./event-catalog";

/** arcadia-cloud's namespace for name-based (version 5) event ids. */
const namespace = Buffer.from("6f1d2c3a8b9e4f50a1b2c3d4e5f60718", "hex");

/** The UUID (version 5) of `key`: the same key always names the same event, in every process and on every run. */
export function stableEventId(key: string): string {
  const hash = createHash("sha1").update(namespace).update(key).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type KeyedEvent = NotificationEvent & {
  /** What the event is about, e.g. `cost.anomaly:kind:droplet:2026-11`: it is announced once per key, ever. */
  key: string;
};

/**
 * Writes events announced once per key (a condition that stays true across re-runs, such as a month's anomaly):
 * each event's id is its key's stable id, so an event already in the outbox is not written again, whatever its data
 * says now. Like recordEvents, call it in the transaction of the change; a concurrent writer of the same key waits
 * for that transaction and writes nothing if it commits. Returns the ids of the events written now.
 */
export async function recordEventsOnce(tx: DbOrTx, events: readonly KeyedEvent[]): Promise<string[]> {
  if (!events.length) return [];
  const rows = events.map((e) => ({
    id: stableEventId(e.key),
    type: e.type,
    data: eventCatalog[e.type].schema.parse(e.data),
    occurred_at: e.occurredAt?.toISOString() ?? null,
  }));
  const result = await tx.execute(sql`
    insert into notification_outbox (id, type, data, occurred_at)
    select x.id, x.type, x.data, coalesce(x.occurred_at, now())
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, type text, data jsonb, occurred_at timestamptz)
    on conflict (id) do nothing
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
