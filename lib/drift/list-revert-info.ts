import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudDrift, cloudResources, provisioningRequests } from "@/db/schema";
import { type DriftRevertInfo, planRevert } from "./plan-revert";

/** For each drift, what reverting it would ask DO to do (or why DO cannot), and its revert request if one was made. */
export async function listRevertInfo(db: DbOrTx, driftIds: readonly string[]): Promise<Record<string, DriftRevertInfo>> {
  if (driftIds.length === 0) return {};
  const rows = await db
    .select({
      id: cloudDrift.id,
      field: cloudDrift.field,
      expected: cloudDrift.expected,
      resource: { name: cloudResources.name, kind: cloudResources.kind, deletedAt: cloudResources.deletedAt, status: cloudResources.status, sizeSlug: cloudResources.sizeSlug, tags: cloudResources.tags },
      request: { id: provisioningRequests.id, status: provisioningRequests.status, error: provisioningRequests.error },
    })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .leftJoin(provisioningRequests, eq(provisioningRequests.id, cloudDrift.revertRequestId))
    .where(inArray(cloudDrift.id, [...driftIds]));
  const info: Record<string, DriftRevertInfo> = {};
  for (const row of rows) {
    const { resource } = row;
    const plan = planRevert(row, { ...resource, isDeleted: resource.deletedAt !== null });
    info[row.id] = {
      plan: plan.isRevertible ? { isRevertible: true, description: plan.description } : { isRevertible: false, reason: plan.reason },
      request: row.request?.id ? { id: row.request.id, status: row.request.status, error: row.request.error } : null,
    };
  }
  return info;
}
