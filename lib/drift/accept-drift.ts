import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { cloudDrift, cloudProvisioned, cloudResourceEvents, cloudResources } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { recordEvents } from "@/lib/notifications/record-event";
import { driftResolvedEvent } from "./drift-events";
import { looseEqual } from "./loose-equal";
import { type AcceptedDrift, existsField } from "./schemas";
import { toDriftItem, toProvisionedRecord } from "./to-dto";

/** Adopts one drift's live value as desired state. A drift that is no longer open is a 409, never a silent success. */
export async function acceptDrift(db: Db, id: string, actor: string): Promise<AcceptedDrift> {
  const [accepted] = await acceptDrifts(db, [id], actor);
  return accepted!;
}

/**
 * Adopts the live values of several drifts in one transaction: each spec takes the values the operator saw in the
 * inbox, its version is bumped once, the drifts close `accepted` with who did it, and each gets a drift_accepted
 * event. All or nothing: if any of them is no longer open, nothing changes and the 409 names it, because the
 * confirmation the operator agreed to described all of them.
 */
export async function acceptDrifts(db: Db, ids: readonly string[], actor: string): Promise<AcceptedDrift[]> {
  const wanted = [...new Set(ids)].sort();
  if (wanted.length === 0) return [];
  return db.transaction(async (tx) => {
    // Locks in id order (drift, then specs by resource id), the order the sweep's writes take them in.
    const drifts = await tx.select().from(cloudDrift).where(inArray(cloudDrift.id, wanted)).orderBy(asc(cloudDrift.id)).for("update");
    const missing = wanted.filter((id) => !drifts.some((d) => d.id === id));
    if (missing.length) throw new ApiError("not_found", `No drift with id ${missing.join(", ")}`);
    const closed = drifts.filter((d) => d.status !== "open");
    if (closed.length) {
      const first = closed[0]!;
      const by = first.resolvedBy ? ` by ${first.resolvedBy}` : "";
      // Read by people in the inbox: written as the pages write times (the details keep the exact ISO time).
      const at = first.resolvedAt ? ` at ${first.resolvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
      throw new ApiError(
        "conflict",
        `Drift on ${first.field} is already ${first.status}${by}${at}; only open drift can be accepted`,
        closed.map((d) => ({ id: d.id, status: d.status, resolved_at: d.resolvedAt?.toISOString() ?? null, resolved_by: d.resolvedBy })),
      );
    }

    const resourceIds = [...new Set(drifts.map((d) => d.resourceId))].sort();
    const specs = await tx
      .select()
      .from(cloudProvisioned)
      .where(inArray(cloudProvisioned.resourceId, resourceIds))
      .orderBy(asc(cloudProvisioned.resourceId))
      .for("update");
    // The operator confirmed "expected → actual". If the spec moved since detection (a saga recorded a new value), that
    // confirmation no longer describes what would change, so refuse; the next sweep brings the drift up to date.
    const outdated = drifts.find((d) => {
      const spec = specs.find((p) => p.resourceId === d.resourceId)?.spec;
      const current = d.field === existsField ? (spec?.[existsField] ?? true) : spec?.[d.field];
      return spec !== undefined && !looseEqual(current, d.expected);
    });
    if (outdated) {
      throw new ApiError(
        "conflict",
        `The spec's ${outdated.field} changed after this drift was detected; the next drift sweep will show the current difference`,
        [{ id: outdated.id, status: outdated.status }],
      );
    }

    const now = new Date();
    const provisioned = new Map<string, ReturnType<typeof toProvisionedRecord>>();
    for (const current of specs) {
      const spec = { ...current.spec };
      for (const drift of drifts) if (drift.resourceId === current.resourceId) spec[drift.field] = drift.actual ?? null;
      const [updated] = await tx
        .update(cloudProvisioned)
        .set({ spec, specVersion: sql`${cloudProvisioned.specVersion} + 1`, recordedBy: actor, recordedVia: "drift_accept", updatedAt: now })
        .where(eq(cloudProvisioned.resourceId, current.resourceId))
        .returning();
      provisioned.set(current.resourceId, toProvisionedRecord(updated!));
    }
    const withoutSpec = drifts.find((d) => !provisioned.has(d.resourceId));
    if (withoutSpec) throw new ApiError("conflict", `Resource ${withoutSpec.resourceId} has no desired spec to update`);

    const closedRows = await tx
      .update(cloudDrift)
      .set({ status: "accepted", resolvedAt: now, resolvedBy: actor })
      .where(inArray(cloudDrift.id, wanted))
      .returning();
    await tx.insert(cloudResourceEvents).values(
      closedRows.map((d) => ({
        resourceId: d.resourceId,
        type: "drift_accepted" as const,
        payload: {
          drift_id: d.id,
          field: d.field,
          previous: d.expected ?? null,
          accepted: d.actual ?? null,
          spec_version: provisioned.get(d.resourceId)!.spec_version,
          by: actor,
        },
        at: now,
      })),
    );

    const resources = await tx
      .select({
        id: cloudResources.id,
        name: cloudResources.name,
        kind: cloudResources.kind,
        region: cloudResources.region,
        providerId: cloudResources.providerId,
        deletedAt: cloudResources.deletedAt,
      })
      .from(cloudResources)
      .where(inArray(cloudResources.id, resourceIds));
    const resourceById = new Map(resources.map((r) => [r.id, r]));
    await recordEvents(tx, closedRows.map((d) => driftResolvedEvent({ ...d, resource: { ...resourceById.get(d.resourceId)!, id: d.resourceId } }, "accepted", actor, now)));
    return closedRows
      .sort((a, b) => wanted.indexOf(a.id) - wanted.indexOf(b.id))
      .map((d) => ({ drift: toDriftItem(d, resourceById.get(d.resourceId)!), provisioned: provisioned.get(d.resourceId)! }));
  });
}
