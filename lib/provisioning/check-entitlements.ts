import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planItems, planVersions, provisioningReservations } from "@/db/schema";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { ApiError } from "@/lib/http/errors";
import { loadTenantHistory } from "@/lib/tenants/load-tenant-history";
import { loadTenantUsage } from "@/lib/tenants/load-tenant-usage";
import type { RequestPlan } from "./plan-request";

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The tenant's plan, checked before DO is touched: a subscription in force, a size the version allows (an empty list
 * allows any), and no hard cap passed by the usage projected to the month's end plus what in-flight requests hold plus
 * what this one adds. Usage and its projection are the tenant page's (the margin report's rules); caps come from the
 * version in force, add-on allowances included. Refusals are 409 `entitlement_exceeded` naming the allowance.
 * Call it in the transaction that stores the request, under the tenant's lock, so two requests cannot pass together.
 */
export async function checkEntitlements(tx: DbOrTx, tenantId: string, plan: RequestPlan, now: Date): Promise<void> {
  const { current } = await loadTenantHistory(tx, tenantId, now);
  if (!current || current.status === "canceled") {
    throw new ApiError("entitlement_exceeded", `Tenant ${tenantId} has no subscription in force`, { allowance: "subscription", used: 0, projected: 0, cap: 0 });
  }
  const [version] = await tx.select({ allowedSizes: planVersions.allowedSizes }).from(planVersions).where(eq(planVersions.id, current.versionId));
  const allowed = version?.allowedSizes ?? [];
  if (plan.size && allowed.length && !allowed.includes(plan.size)) {
    throw new ApiError("entitlement_exceeded", `The ${current.planCode} plan (version ${current.version}) does not offer size ${plan.size}`, {
      allowance: "size",
      size: plan.size,
      allowed_sizes: allowed,
      plan: current.planCode,
      version: current.version,
    });
  }

  const added = Object.entries(plan.adds).filter(([, qty]) => qty > 0) as [CatalogResourceKind, number][];
  if (!added.length) return;
  const [usage, items, held] = await Promise.all([
    loadTenantUsage(tx, tenantId, plan.period, now),
    tx.select({ kind: planItems.resourceKind, cap: planItems.hardCapQty }).from(planItems).where(eq(planItems.versionId, current.versionId)),
    tx
      .select({ kind: provisioningReservations.resourceKind, quantity: sql<string>`sum(${provisioningReservations.quantity})` })
      .from(provisioningReservations)
      .where(and(eq(provisioningReservations.tenantId, tenantId), eq(provisioningReservations.period, plan.period), eq(provisioningReservations.status, "held")))
      .groupBy(provisioningReservations.resourceKind),
  ]);
  for (const [kind, qty] of added) {
    const line = usage.lines.find((l) => l.resourceKind === kind);
    // A trial is not billed, so the revenue rules give it no cap; the version's own cap still holds.
    const cap = line?.cap ?? items.find((i) => i.kind === kind)?.cap ?? null;
    if (cap === null) continue;
    const inFlight = Number(held.find((h) => h.kind === kind)?.quantity ?? 0);
    const projected = (line?.projectedUsed ?? 0) + inFlight + qty;
    if (projected > cap) {
      throw new ApiError("entitlement_exceeded", `${kind} would reach ${round2(projected)} by the month's end, past the plan's hard cap of ${cap}`, {
        allowance: kind,
        used: round2(line?.used ?? 0),
        projected: round2(projected),
        cap,
        in_flight: round2(inFlight),
        requested: round2(qty),
      });
    }
  }
}
