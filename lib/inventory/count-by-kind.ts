import "server-only";
import { isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResources, type ResourceKind } from "@/db/schema";

/** Live (not tombstoned) resources per kind, for the inventory's kind tabs. */
export async function countByKind(db: DbOrTx): Promise<Partial<Record<ResourceKind, number>>> {
  const rows = await db
    .select({ kind: cloudResources.kind, n: sql<number>`count(*)::int` })
    .from(cloudResources)
    .where(isNull(cloudResources.deletedAt))
    .groupBy(cloudResources.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}
