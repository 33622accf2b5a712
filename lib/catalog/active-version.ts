import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planVersions, plans } from "@/db/schema/catalog";
import type { CatalogVersion } from "./schemas";
import { toCatalogVersion } from "./to-dto";
import { itemsByVersion } from "./versions";

/** What a new signup to the plan gets: its active version with items, or null when nothing of it is on sale. */
export async function activeVersion(db: DbOrTx, planCode: string): Promise<CatalogVersion | null> {
  const [row] = await db
    .select({ version: planVersions })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(and(eq(plans.code, planCode), eq(planVersions.status, "active")));
  if (!row) return null;
  const items = await itemsByVersion(db, [row.version.id]);
  return toCatalogVersion(row.version, items.get(row.version.id) ?? []);
}
