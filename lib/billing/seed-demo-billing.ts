import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planVersions, plans, subscriptions, tenants } from "@/db/schema";
import { addMonths, currentPeriod, listPeriods, periodLabel } from "./month";
import { recordUsage } from "./record-usage";
import { upsertSubscription } from "./subscriptions";
import { upsertTenant } from "./tenants";

/**
 * The demo account's customers, as arcadia-app would send them: six of the fake DO account's eight tenants (whose
 * resources carry `tenant:<id>`) subscribed since January 2024, each on the plan its footprint fits (the biggest on
 * Pro, Stark on a Studio its droplets outgrow: the plan under water). Hooli and Wayne are left unsubscribed, so their
 * tagged resources tell the unbilled-usage story. Only run when ARCADIA_DEMO is on; idempotent like every seed
 * (upserts by id, and a subscription that exists keeps its version).
 */
export const demoSubscriptions = [
  { tenant: "acme", name: "Acme Pty Ltd", plan: "pro" },
  { tenant: "globex", name: "Globex Corporation", plan: "pro" },
  { tenant: "initech", name: "Initech", plan: "pro" },
  { tenant: "umbrella", name: "Umbrella Health", plan: "studio" },
  { tenant: "stark", name: "Stark Industries", plan: "studio" },
  { tenant: "wonka", name: "Wonka Confectionery", plan: "starter" },
] as const;

/** Tenants with tagged resources in the fake account and no subscription. */
export const demoUnbilledTenants = ["hooli", "wayne"] as const;

const demoStart = "2024-01-01T00:00:00Z";

/** Globex serves video: every full month it sends more than Pro's 10,000 GB, so it pays bandwidth overage. */
const overageTenant = "globex";
const bandwidthGb = (i: number) => 11_000 + ((i * 7) % 5) * 800;

export async function seedDemoBilling(db: Db, now = new Date()): Promise<string> {
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
  let usage = 0;
  const months = listPeriods(demoStart.slice(0, 10), addMonths(currentPeriod(now), -1));
  for (const [i, period] of months.entries()) {
    const { created: isNew } = await recordUsage(db, {
      key: `demo:bandwidth:${overageTenant}:${periodLabel(period)}`,
      tenant_id: overageTenant,
      resource_kind: "bandwidth_gb",
      quantity: bandwidthGb(i).toFixed(6),
      occurred_at: `${period.slice(0, 7)}-15T12:00:00.000Z`,
    });
    if (isNew) usage++;
  }
  return `demo billing: ${created} subscriptions created, ${usage} usage records`;
}
