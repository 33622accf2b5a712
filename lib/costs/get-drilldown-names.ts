import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResources, tenants } from "@/db/schema";

/** The names a drill-down shows for its tenant and resource filters (null when unknown). */
export async function getDrilldownNames(db: DbOrTx, q: { tenant?: string; resource?: string }): Promise<{ tenant: string | null; resource: string | null }> {
  const [tenant, resource] = await Promise.all([
    q.tenant ? db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, q.tenant)) : [],
    q.resource ? db.select({ name: cloudResources.name }).from(cloudResources).where(eq(cloudResources.id, q.resource)) : [],
  ]);
  return { tenant: tenant[0]?.name ?? null, resource: resource[0]?.name ?? null };
}
