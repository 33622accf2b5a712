import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { provisioningRequests } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { recordEvent } from "@/lib/notifications/record-event";
import { finishedEvent, settleReservations } from "./finish-request";
import { getRequestOrThrow } from "./get-request";
import type { ProvisioningRequestItem } from "./schemas";

async function refuse(db: DbOrTx, id: string): Promise<never> {
  const current = await getRequestOrThrow(db, id);
  throw new ApiError("conflict", `Request ${id} is ${current.status}: only a request awaiting approval can be approved or rejected`, {
    status: current.status,
    decision: current.approval.decision,
  });
}

/** Approves a request waiting for approval: it is queued again, and its saga (started by the caller) carries on. */
export async function approveRequest(db: DbOrTx, id: string, by: string): Promise<ProvisioningRequestItem> {
  const [row] = await db
    .update(provisioningRequests)
    .set({ decision: "approved", decidedBy: by, decidedAt: sql`now()`, status: "queued", updatedAt: sql`now()` })
    .where(and(eq(provisioningRequests.id, id), eq(provisioningRequests.status, "awaiting_approval"), isNull(provisioningRequests.decision)))
    .returning({ id: provisioningRequests.id });
  if (!row) return refuse(db, id);
  return getRequestOrThrow(db, id);
}

/** Rejects it: cancelled before anything reached DO, what it held of the tenant's allowances released, and logged. */
export async function rejectRequest(db: DbOrTx, id: string, by: string): Promise<ProvisioningRequestItem> {
  const rejected = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(provisioningRequests)
      .set({
        decision: "rejected",
        decidedBy: by,
        decidedAt: sql`now()`,
        status: "cancelled",
        error: `rejected by ${by}`,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(provisioningRequests.id, id), eq(provisioningRequests.status, "awaiting_approval"), isNull(provisioningRequests.decision)))
      .returning();
    if (!row) return false;
    await settleReservations(tx, id, "released");
    await recordEvent(tx, finishedEvent(row));
    return true;
  });
  if (!rejected) return refuse(db, id);
  return getRequestOrThrow(db, id);
}
