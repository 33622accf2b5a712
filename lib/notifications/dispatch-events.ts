import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";

const dispatchBatch = 1000;

/**
 * Fans undispatched outbox events out to the enabled endpoints subscribed to their types, one delivery per event and
 * endpoint, due at once (digest endpoints get theirs from send-notification-digest instead). Each batch is one statement: the deliveries exist exactly when the event is marked
 * dispatched, the unique (event, endpoint) pair means a repeat can never queue one twice, and SKIP LOCKED lets two
 * drains share the backlog. Returns how many events were dispatched.
 */
export async function dispatchEvents(db: DbOrTx, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      with batch as (
        select id, type from notification_outbox
        where dispatched_at is null
        order by created_at, id
        limit ${dispatchBatch}
        for update skip locked
      ), queued as (
        insert into notification_deliveries (event_id, endpoint_id, next_attempt_at)
        select b.id, e.id, ${now.toISOString()}::timestamptz
        from batch b join notification_endpoints e on e.status = 'enabled' and not e.digest and b.type = any(e.events)
        on conflict (event_id, endpoint_id) do nothing
      )
      update notification_outbox o set dispatched_at = ${now.toISOString()}::timestamptz
      from batch b where o.id = b.id
      returning o.id`);
    const n = rowsOf(result).length;
    total += n;
    if (n < dispatchBatch) return total;
  }
}
