import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudDrift, cloudResources, provisioningRequests } from "@/db/schema";
import { type DriftRevertInfo, planRevert, type RevertSize } from "./plan-revert";
import { revertTargetOf } from "./revert-target";

/**
 * For each drift, what reverting it would ask DO to do (or why DO cannot), and its revert request if one was made.
 * `sizes` (DO's size list) is asked for only when a size drift is shown; without it, a resize that DO would refuse
 * is refused when it is asked for instead.
 */
export async function listRevertInfo(
  db: DbOrTx,
  driftIds: readonly string[],
  sizes?: () => Promise<readonly RevertSize[]>,
): Promise<Record<string, DriftRevertInfo>> {
  if (driftIds.length === 0) return {};
  const rows = await db
    .select({
      id: cloudDrift.id,
      field: cloudDrift.field,
      expected: cloudDrift.expected,
      resource: {
        name: cloudResources.name,
        kind: cloudResources.kind,
        deletedAt: cloudResources.deletedAt,
        status: cloudResources.status,
        sizeSlug: cloudResources.sizeSlug,
        tags: cloudResources.tags,
        attrs: cloudResources.attrs,
      },
      request: { id: provisioningRequests.id, status: provisioningRequests.status, error: provisioningRequests.error },
    })
    .from(cloudDrift)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudDrift.resourceId))
    .leftJoin(provisioningRequests, eq(provisioningRequests.id, cloudDrift.revertRequestId))
    .where(inArray(cloudDrift.id, [...driftIds]));
  const sizeList = sizes && rows.some((r) => r.field === "size_slug") ? await sizes().catch(() => undefined) : undefined;
  const info: Record<string, DriftRevertInfo> = {};
  for (const row of rows) {
    const plan = planRevert(row, revertTargetOf(row.resource), sizeList);
    info[row.id] = {
      plan: plan.isRevertible ? { isRevertible: true, description: plan.description } : { isRevertible: false, reason: plan.reason },
      request: row.request?.id ? { id: row.request.id, status: row.request.status, error: row.request.error } : null,
    };
  }
  return info;
}
