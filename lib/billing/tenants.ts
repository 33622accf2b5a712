import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Tenant, tenants } from "@/db/schema";
import type { TenantBody, TenantItem } from "./schemas";

export function toTenantItem(row: Tenant): TenantItem {
  return { id: row.id, name: row.name, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

/** PUT /api/v1/tenants/{id}: creates or renames; the same body twice leaves the row (and updated_at) as it was. */
export async function upsertTenant(db: DbOrTx, id: string, body: TenantBody): Promise<TenantItem> {
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
    .returning();
  return toTenantItem(row!);
}
