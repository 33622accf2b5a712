import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { cloudDrift, cloudProvisioned, cloudResources, type DriftStatus } from "@/db/schema";
import { recordEvent } from "@/lib/notifications/record-event";
import { compareSpec } from "./compare-spec";
import { driftResolvedEvent } from "./drift-events";

export interface RevertConfirmation {
  /** Whether the inventory (just refreshed from DO) now holds the spec's value of the drifted field. */
  matches: boolean;
  /** The drift's status afterwards. */
  status: DriftStatus;
  expected: unknown;
  actual: unknown;
}

/**
 * Closes a drift as `reverted` by the request that reverted it, but only when the resource's inventory row, refreshed
 * from DO after the saga's calls, holds the spec's value: what DO reports decides, never what the saga asked for. A
 * drift the sweep closed as stale meanwhile (it saw the change first) is credited to the request instead.
 */
export async function closeRevertedDrift(db: Db, driftId: string, requestId: string, by: string): Promise<RevertConfirmation> {
  return db.transaction(async (tx) => {
    const [drift] = await tx.select().from(cloudDrift).where(eq(cloudDrift.id, driftId)).for("update");
    if (!drift) return { matches: false, status: "stale" as const, expected: null, actual: null };
    const [spec] = await tx.select({ spec: cloudProvisioned.spec }).from(cloudProvisioned).where(eq(cloudProvisioned.resourceId, drift.resourceId)).for("share");
    const [resource] = await tx.select().from(cloudResources).where(eq(cloudResources.id, drift.resourceId));
    const wanted = spec?.spec[drift.field];
    const mismatch = resource && spec ? compareSpec({ [drift.field]: wanted }, resource)[0] : { expected: wanted, actual: null };
    const outcome = { matches: !mismatch, expected: mismatch?.expected ?? wanted ?? null, actual: mismatch?.actual ?? wanted ?? null };
    const isOurs = drift.revertRequestId === requestId;
    if (!outcome.matches || !isOurs || !resource) return { ...outcome, status: drift.status };
    if (drift.status === "stale") {
      await tx.update(cloudDrift).set({ status: "reverted", resolvedBy: by }).where(eq(cloudDrift.id, driftId));
      return { ...outcome, status: "reverted" as const };
    }
    if (drift.status !== "open") return { ...outcome, status: drift.status };
    const now = new Date();
    await tx.update(cloudDrift).set({ status: "reverted", resolvedAt: now, resolvedBy: by }).where(eq(cloudDrift.id, driftId));
    await recordEvent(tx, driftResolvedEvent({ ...drift, resource: { id: resource.id, name: resource.name, kind: resource.kind, region: resource.region } }, "reverted", by, now));
    return { ...outcome, status: "reverted" as const };
  });
}
