import "server-only";
import { getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Tenant, tenants } from "@/db/schema";
import type { TenantBody, TenantItem } from "./schemas";

export function toTenantItem(row: Tenant): TenantItem {
  return { id: row.id, name: row.name, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

/**
 * PUT /api/v1/tenants/{id}: creates or renames; the same body twice leaves the row (and updated_at) as it was.
 * `created` says whether this call inserted the row.
 */
export async function upsertTenant(db: DbOrTx, id: string, body: TenantBody): Promise<{ item: TenantItem; created: boolean }> {
  const [row] = await db
    .insert(tenants)
    .values({ id, name: body.name })
    .onConflictDoUpdate({
      target: tenants.id,
      set: {
        name: body.name,
        updatedAt: sql`case when ${tenants.name} is distinct from excluded.name then now() else ${tenants.updatedAt} end`,
      },
    })
    // xmax is 0 only on a row version this statement inserted (an upsert's update sets it).
    .returning({ ...getTableColumns(tenants), created: sql<boolean>`(xmax = 0)` });
  return { item: toTenantItem(row!), created: row!.created };
}
