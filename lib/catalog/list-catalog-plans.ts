import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planVersions, plans } from "@/db/schema/catalog";
import type { CatalogPlan } from "./schemas";
import { toCatalogVersion } from "./to-dto";
import { itemsByVersion } from "./versions";

/**
 * The plans on sale: each with its active version and items, cheapest first. GET /api/v1/catalog/plans serves this and
 * the tenant /plans page renders it, so both show the same catalog. A plan without an active version is not on sale.
 */
export async function listCatalogPlans(db: DbOrTx): Promise<CatalogPlan[]> {
  const rows = await db
    .select({ plan: plans, version: planVersions })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.planId, plans.id))
    .where(eq(planVersions.status, "active"))
    .orderBy(asc(planVersions.basePriceCents), asc(plans.code));
  const items = await itemsByVersion(db, rows.map((r) => r.version.id));
  return rows.map(({ plan, version }) => ({
    code: plan.code,
    name: plan.name,
    description: plan.description,
    active_version: toCatalogVersion(version, items.get(version.id) ?? []),
  }));
}
