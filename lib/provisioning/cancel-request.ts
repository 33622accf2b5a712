import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { provisioningRequests } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { recordEvent } from "@/lib/notifications/record-event";
import { finishedEvent, settleReservations } from "./finish-request";
import { getRequestOrThrow } from "./get-request";
import type { ProvisioningRequestItem } from "./schemas";

/** Statuses a request can be cancelled from: its saga has not reached DO yet. */
export const cancellableStatuses = ["queued", "awaiting_approval"] as const;

export function isCancellable(status: string): boolean {
  return (cancellableStatuses as readonly string[]).includes(status);
}

/**
 * Cancels a request before its saga reaches DO: `cancelled`, what it held of the tenant's allowances released, and its
 * end (with who cancelled) in the event log, in one transaction. The saga sees the status at its next step and stops.
 * A running or ended request is a 409 `not_cancellable`.
 */
export async function cancelRequest(db: DbOrTx, id: string, by: string): Promise<ProvisioningRequestItem> {
  const cancelled = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(provisioningRequests)
      .set({ status: "cancelled", error: `cancelled by ${by}`, finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(provisioningRequests.id, id), inArray(provisioningRequests.status, [...cancellableStatuses])))
      .returning();
    if (!row) return false;
    await settleReservations(tx, id, "released");
    await recordEvent(tx, finishedEvent(row));
    return true;
  });
  if (!cancelled) {
    const current = await getRequestOrThrow(db, id);
    throw new ApiError("not_cancellable", `Request ${id} is ${current.status}: only a queued request or one awaiting approval can be cancelled`, {
      status: current.status,
    });
  }
  return getRequestOrThrow(db, id);
}
