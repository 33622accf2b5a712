import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { cloudDrift, cloudResources, provisioningRequests } from "@/db/schema";
import { openProvisioningStatuses } from "@/db/schema/provisioning-constants";
import { planRevert } from "@/lib/drift/plan-revert";
import { revertTargetOf } from "@/lib/drift/revert-target";
import { ApiError } from "@/lib/http/errors";
import { dollarNumberToCents } from "@/lib/money/parse-amount-cents";
import { recordEvent } from "@/lib/notifications/record-event";
import type { ProvisioningDeps } from "./config";
import { getRequestOrThrow } from "./get-request";
import { listSizesCached } from "./plan-request";
import type { RevertDriftParams } from "./revert-drift-schemas";
import type { ProvisioningRequestItem } from "./schemas";
import { requestedEvent } from "./requested-event";

/** The tenant a request for an untagged resource (the reseller's own) is filed under. */
export const platformTenantId = "platform";

/**
 * Files a revert_drift request for one open drift and links the drift to it: the caller starts its saga. A closed
 * drift (or one whose revert is already in flight) is a 409; a field DO cannot change in place a 422 not_revertible
 * naming it. The request needs no approval (an admin asked for it) and reserves nothing: it puts back what the spec
 * already holds. Nothing reaches DO here but its size list.
 */
export async function requestDriftRevert(deps: ProvisioningDeps, driftId: string, requestedBy: string): Promise<ProvisioningRequestItem> {
  const { db, config } = deps;
  const [found] = await db
    .select({ drift: cloudDrift, resource: cloudResources })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .where(eq(cloudDrift.id, driftId));
  if (!found) throw new ApiError("not_found", `No drift with id ${driftId}`);
  const { resource } = found;
  if (found.drift.status !== "open") {
    throw new ApiError("conflict", `Drift on ${found.drift.field} is already ${found.drift.status}; only open drift can be reverted`, {
      id: found.drift.id,
      status: found.drift.status,
      resolved_at: found.drift.resolvedAt?.toISOString() ?? null,
      resolved_by: found.drift.resolvedBy,
    });
  }
  // DO's size list decides what a resize may do (the size must exist; a disk never shrinks) and what it costs.
  const sizes = found.drift.field === "size_slug" ? await listSizesCached(deps.doClient(), "provisioning-sizes") : undefined;
  const plan = planRevert(found.drift, revertTargetOf(resource), sizes);
  if (!plan.isRevertible) {
    throw new ApiError("not_revertible", `DO cannot change ${plan.field} in place: ${plan.reason}`, { fields: [{ field: plan.field, reason: plan.reason }] });
  }
  // Nothing for DO to do: the live droplet matches already, and crediting a revert for it would claim a change DO never made.
  if ((plan.size && plan.size.from === plan.size.to) || (plan.tags && plan.tags.add.length + plan.tags.remove.length === 0)) {
    throw new ApiError("conflict", `The droplet's ${found.drift.field} matches the spec already; the next drift sweep closes this drift`, { id: driftId, status: "open" });
  }
  if (!config.isEnabled && !config.isDryRun) {
    throw new ApiError("conflict", "Provisioning is disabled: set PROVISIONING_ENABLED (or PROVISIONING_DRY_RUN=1) to revert drift at DO");
  }
  const newSize = plan.size ? sizes?.find((s) => s.slug === plan.size!.to) : undefined;
  const monthlyCogsCents = newSize ? (dollarNumberToCents(newSize.price_monthly) ?? 0) : 0;
  const tenantTag = resource.tags.find((t) => t.startsWith(config.tagPrefix));
  const params: RevertDriftParams = {
    drift_id: found.drift.id,
    resource_id: resource.id,
    field: found.drift.field,
    ...(plan.size ? { size: plan.size.to, from_size: plan.size.from } : {}),
    ...(plan.tags ? { add_tags: plan.tags.add, remove_tags: plan.tags.remove } : {}),
    description: plan.description,
  };

  const id = await db.transaction(async (tx) => {
    // Under the drift's row lock: a sweep or an accept that closed it meanwhile, or a second revert, is seen here.
    const [drift] = await tx.select().from(cloudDrift).where(eq(cloudDrift.id, driftId)).for("update");
    if (drift?.status !== "open") throw new ApiError("conflict", `Drift on ${found.drift.field} was closed meanwhile; only open drift can be reverted`, { id: driftId, status: drift?.status ?? null });
    if (drift.revertRequestId) {
      const [pending] = await tx
        .select({ id: provisioningRequests.id, status: provisioningRequests.status })
        .from(provisioningRequests)
        .where(and(eq(provisioningRequests.id, drift.revertRequestId), inArray(provisioningRequests.status, [...openProvisioningStatuses])));
      if (pending) throw new ApiError("conflict", "A revert of this drift is already under way", { request_id: pending.id, status: pending.status });
    }
    const [row] = await tx
      .insert(provisioningRequests)
      .values({
        tenantId: tenantTag ? tenantTag.slice(config.tagPrefix.length) : platformTenantId,
        action: "revert_drift",
        params,
        requestedBy,
        isDryRun: !config.isEnabled || config.isDryRun,
        monthlyCogsCents,
        providerId: resource.providerId,
        resourceId: resource.id,
      })
      .returning();
    const request = row!;
    await tx.update(cloudDrift).set({ revertRequestId: request.id }).where(eq(cloudDrift.id, driftId));
    await recordEvent(tx, requestedEvent(request, "queued"));
    return request.id;
  });
  return getRequestOrThrow(db, id);
}
