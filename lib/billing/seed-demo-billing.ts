import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planVersions, plans, subscriptions, tenants } from "@/db/schema";
import { upsertSubscription } from "./subscriptions";
import { upsertTenant } from "./tenants";

/**
 * The demo account's customers, as arcadia-app would send them: a few of the fake DO account's tenants (whose resources
 * carry `tenant:<id>`) subscribed to the starter plans since January 2024, so the margin dashboard has revenue to set
 * against the demo's invoices. Only run when ARCADIA_DEMO is on; idempotent like every seed (upserts by id, and a
 * subscription that exists keeps its version).
 */
export const demoSubscriptions = [
  { tenant: "acme", name: "Acme Pty Ltd", plan: "pro" },
  { tenant: "globex", name: "Globex Corporation", plan: "studio" },
  { tenant: "initech", name: "Initech", plan: "starter" },
  { tenant: "umbrella", name: "Umbrella Health", plan: "studio" },
] as const;

const demoStart = "2024-01-01T00:00:00Z";

export async function seedDemoBilling(db: Db): Promise<string> {
  let created = 0;
  for (const s of demoSubscriptions) {
    const [active] = await db
      .select({ id: planVersions.id })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(and(eq(plans.code, s.plan), eq(planVersions.status, "active")));
    if (!active) continue; // the catalog seed runs first; a plan taken off sale is left alone
    const [exists] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.id, `demo-${s.tenant}`));
    const [tenant] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, s.tenant));
    if (!tenant) await upsertTenant(db, s.tenant, { name: s.name });
    if (!exists) {
      await upsertSubscription(db, `demo-${s.tenant}`, { tenant_id: s.tenant, plan_code: s.plan, status: "active", started_at: demoStart });
      created++;
    }
  }
  return `demo billing: ${created} subscriptions created`;
}
