import "server-only";
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type NotificationDelivery, notificationDeliveries, notificationDeliveryAttempts, notificationEndpoints, notificationOutbox } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { ApiError } from "@/lib/http/errors";
import type { EventType } from "./event-catalog";
import { getWebhookEndpointOrThrow } from "./endpoints";
import type { DeliveryItem, ListDeliveriesQuery } from "./schemas";

/** One endpoint's deliveries, newest first, each with its attempt log (the delivery log). */
export async function listWebhookDeliveries(
  db: DbOrTx,
  endpointId: string,
  query: ListDeliveriesQuery,
): Promise<{ data: DeliveryItem[]; next_cursor: string | null }> {
  await getWebhookEndpointOrThrow(db, endpointId);
  const createdMs = sql`date_trunc('milliseconds', ${notificationDeliveries.createdAt})`;
  const where = [eq(notificationDeliveries.endpointId, endpointId)];
  if (query.status) where.push(eq(notificationDeliveries.status, query.status));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, "created_at:desc", { value: "timestamp", id: "uuid" });
    const at = sql`${c.value}::timestamptz`;
    where.push(or(lt(createdMs, at), and(eq(createdMs, at), lt(notificationDeliveries.id, c.id)))!);
  }
  const rows = await db
    .select({ delivery: notificationDeliveries, type: notificationOutbox.type })
    .from(notificationDeliveries)
    .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.eventId))
    .where(and(...where))
    .orderBy(desc(createdMs), desc(notificationDeliveries.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = await withAttemptLogs(db, page);
  const last = page.at(-1)?.delivery;
  return {
    data: items,
    next_cursor: rows.length > query.limit && last ? encodeCursor({ sort: "created_at:desc", value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

async function withAttemptLogs(db: DbOrTx, rows: { delivery: NotificationDelivery; type: string }[]): Promise<DeliveryItem[]> {
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(notificationDeliveryAttempts)
        .where(inArray(notificationDeliveryAttempts.deliveryId, ids))
        .orderBy(asc(notificationDeliveryAttempts.attemptedAt), asc(notificationDeliveryAttempts.id))
    : [];
  return rows.map(({ delivery: d, type }) => ({
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    event_type: type as EventType,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
    attempt_log: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempted_at: a.attemptedAt.toISOString(),
        outcome: a.outcome,
        status_code: a.statusCode,
        latency_ms: a.latencyMs,
        response_excerpt: a.responseExcerpt,
        error: a.error,
      })),
  }));
}

/**
 * "Resend": queues a delivery again, due at once and with a fresh retry schedule, whatever its state (a receiver
 * that lost an event, or one that failed for good and is fixed). Its endpoint must be enabled.
 */
export async function resendDelivery(db: DbOrTx, id: string, now = new Date()): Promise<DeliveryItem> {
  const [found] = await db
    .select({ delivery: notificationDeliveries, endpointStatus: notificationEndpoints.status })
    .from(notificationDeliveries)
    .innerJoin(notificationEndpoints, eq(notificationEndpoints.id, notificationDeliveries.endpointId))
    .where(eq(notificationDeliveries.id, id));
  if (!found) throw new ApiError("not_found", `No delivery ${id}`);
  if (found.endpointStatus !== "enabled") throw new ApiError("conflict", "The endpoint is disabled: enable it before resending");
  const [updated] = await db
    .update(notificationDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(eq(notificationDeliveries.id, id))
    .returning();
  const [event] = await db.select({ type: notificationOutbox.type }).from(notificationOutbox).where(eq(notificationOutbox.id, updated!.eventId));
  const [item] = await withAttemptLogs(db, [{ delivery: updated!, type: event!.type }]);
  return item!;
}
