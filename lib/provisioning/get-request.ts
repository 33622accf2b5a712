import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type ProvisioningRequest, type ProvisioningStep, provisioningRequests, provisioningSteps } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { ProvisioningRequestItem } from "./schemas";

export function toRequestItem(row: ProvisioningRequest, steps: readonly ProvisioningStep[]): ProvisioningRequestItem {
  return {
    id: row.id,
    status: row.status,
    action: row.action,
    tenant_id: row.tenantId,
    resource_id: row.resourceId,
    provider_id: row.providerId,
    params: row.params,
    requested_by: row.requestedBy,
    dry_run: row.isDryRun,
    approval: {
      required: row.needsApproval,
      monthly_cogs: centsToDecimal(row.monthlyCogsCents),
      currency: "USD",
      decision: row.decision ?? null,
      decided_by: row.decidedBy,
      decided_at: row.decidedAt?.toISOString() ?? null,
    },
    error: row.error,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
    steps: steps.map((s) => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      started_at: s.startedAt.toISOString(),
      finished_at: s.finishedAt?.toISOString() ?? null,
      output: s.output ?? null,
      error: s.error,
    })),
  };
}

/** The request with its steps in the order they first started; null when there is none (or it is another tenant's). */
export async function getRequest(db: DbOrTx, id: string, opts: { tenantId?: string | null } = {}): Promise<ProvisioningRequestItem | null> {
  const [row] = await db.select().from(provisioningRequests).where(eq(provisioningRequests.id, id));
  if (!row || (opts.tenantId != null && row.tenantId !== opts.tenantId)) return null;
  const steps = await db.select().from(provisioningSteps).where(eq(provisioningSteps.requestId, id)).orderBy(asc(provisioningSteps.position));
  return toRequestItem(row, steps);
}

export async function getRequestOrThrow(db: DbOrTx, id: string, opts: { tenantId?: string | null } = {}): Promise<ProvisioningRequestItem> {
  const item = await getRequest(db, id, opts);
  if (!item) throw new ApiError("not_found", `No provisioning request with id ${id}`);
  return item;
}
