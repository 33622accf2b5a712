import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type ProvisioningRequest, provisioningRequests, provisioningReservations } from "@/db/schema";
import { openProvisioningStatuses, type ProvisioningStatus } from "@/db/schema/provisioning-constants";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";
import { recordEvent } from "@/lib/notifications/record-event";

type FinalStatus = "succeeded" | "failed" | "compensated" | "cancelled";

export function finishedEvent(row: ProvisioningRequest): NotificationEvent {
  const base = { request_id: row.id, tenant_id: row.tenantId, action: row.action, requested_by: row.requestedBy, dry_run: row.isDryRun };
  const finishedAt = (row.finishedAt ?? new Date()).toISOString();
  return row.status === "succeeded"
    ? { type: "provisioning.succeeded", occurredAt: row.finishedAt ?? undefined, data: { ...base, resource_id: row.resourceId, provider_id: row.providerId, finished_at: finishedAt } }
    : { type: "provisioning.failed", occurredAt: row.finishedAt ?? undefined, data: { ...base, status: row.status as "failed" | "compensated" | "cancelled", error: row.error, finished_at: finishedAt } };
}

/** What the request still holds of its tenant's allowances stops counting: it made nothing, or the meter counts it now. */
export async function settleReservations(db: DbOrTx, requestId: string, to: "consumed" | "released"): Promise<void> {
  await db
    .update(provisioningReservations)
    .set({ status: to, releasedAt: new Date() })
    .where(and(eq(provisioningReservations.requestId, requestId), eq(provisioningReservations.status, "held")));
}

/**
 * Ends the request: its status and error, its reservations released, its lease dropped and its outcome in the event
 * log, in one transaction. A request that had already ended (rejected while a saga ran) keeps its first ending.
 */
export async function finishRequest(db: DbOrTx, requestId: string, status: FinalStatus, error: string | null): Promise<ProvisioningStatus> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(provisioningRequests)
      .set({ status, error, finishedAt: sql`now()`, updatedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
      .where(and(eq(provisioningRequests.id, requestId), inArray(provisioningRequests.status, [...openProvisioningStatuses])))
      .returning();
    if (!row) {
      const [current] = await tx.select({ status: provisioningRequests.status }).from(provisioningRequests).where(eq(provisioningRequests.id, requestId));
      return current?.status ?? status;
    }
    await settleReservations(tx, requestId, "released");
    await recordEvent(tx, finishedEvent(row));
    return row.status;
  });
}

/** Marks the request running (a queued one, or an approved one resuming); false when it has already ended. */
export async function markRunning(db: DbOrTx, requestId: string): Promise<ProvisioningRequest | null> {
  const [row] = await db
    .update(provisioningRequests)
    .set({ status: sql`case when ${provisioningRequests.status} = 'queued' then 'running' else ${provisioningRequests.status} end`, updatedAt: sql`now()` })
    .where(and(eq(provisioningRequests.id, requestId), notInArray(provisioningRequests.status, ["succeeded", "failed", "compensated", "cancelled"])))
    .returning();
  return row ?? null;
}
