import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planVersions, plans, subscriptions, tenants } from "@/db/schema";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createDraftVersion, updateDraftVersion } from "@/lib/catalog/versions";
import { migrateVersionSubscriptions } from "./migrate-subscriptions";
import { addMonths, currentPeriod, listPeriods, monthStart, periodLabel } from "./month";
import { recordUsage } from "./record-usage";
import { upsertSubscription } from "./subscriptions";
import { upsertTenant } from "./tenants";

/**
 * The demo account's customers, as arcadia-app would send them: six of the fake DO account's eight tenants (whose
 * resources carry `tenant:<id>`) subscribed since January 2024, each on the plan its footprint fits, except Wonka, whose
 * 4 vCPU droplet costs more than Starter's price: the plan under water, a pricing decision for the plans view. Hooli
 * and Wayne are left unsubscribed, so their tagged resources tell the unbilled-usage story. Only run when ARCADIA_DEMO
 * is on; idempotent like every seed (upserts by id, and a subscription that exists keeps its version).
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

export const demoStart = "2024-01-01T00:00:00Z";

/**
 * Six months before the current one, Pro's price rose: version 2 was published and Acme's and Globex's subscriptions
 * moved to it at once. Initech signed a fixed-price contract on version 1, which arcadia-app binds by version id, so it
 * stays behind on the old price: the plan's migration panel still offers to move it.
 */
export const demoPriceChange = { plan: "pro", basePriceCents: 59_900, monthsBack: 6, stayingBehind: ["initech"] as readonly string[] };
export const priceChangeAt = (now: Date) => monthStart(addMonths(currentPeriod(now), -demoPriceChange.monthsBack));

/** Globex serves video: every full month it sends more than Pro's 10,000 GB, so it pays bandwidth overage. */
const overageTenant = "globex";
const bandwidthGb = (i: number) => 11_000 + ((i * 7) % 5) * 800;

export async function seedDemoBilling(db: Db, now = new Date()): Promise<string> {
  for (const s of demoSubscriptions) {
    const [tenant] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, s.tenant));
    if (!tenant) await upsertTenant(db, s.tenant, { name: s.name });
  }
  const stayingBehind = new Set(demoPriceChange.stayingBehind);
  // The version-1 subscribers first, so the price change has someone to move; those staying behind come after it.
  let created = await subscribe(db, demoSubscriptions.filter((s) => !stayingBehind.has(s.tenant)));
  const isPriceChanged = await publishPriceChange(db, now);
  created += await subscribe(db, demoSubscriptions.filter((s) => stayingBehind.has(s.tenant)));

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
  return `demo billing: ${created} subscriptions created, ${isPriceChanged ? "Pro's price change published" : "no price change"}, ${usage} usage records`;
}

/** Each absent subscription, bound to its plan's first version: the demo's customers all signed before the change. */
async function subscribe(db: Db, wanted: readonly (typeof demoSubscriptions)[number][]): Promise<number> {
  let created = 0;
  for (const s of wanted) {
    const [exists] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.id, `demo-${s.tenant}`));
    if (exists) continue;
    const first = await firstVersion(db, s.plan);
    if (!first) continue; // the catalog seed runs first; a plan an admin deleted is left alone
    await upsertSubscription(db, `demo-${s.tenant}`, { tenant_id: s.tenant, plan_version_id: first.id, status: "active", started_at: demoStart });
    created++;
  }
  return created;
}

async function firstVersion(db: Db, planCode: string) {
  const [row] = await db
    .select({ id: planVersions.id, version: planVersions.version, status: planVersions.status, publishedAt: planVersions.publishedAt })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(eq(plans.code, planCode))
    .orderBy(asc(planVersions.version))
    .limit(1);
  return row && row.status !== "draft" ? row : undefined;
}

/**
 * Publishes Pro's version 2 dated at the price change and moves version 1's subscriptions to it from that day, the way
 * an admin does on the plans view. Only while version 1 is Pro's only version: once anything else exists (this seed
 * ran, or an admin changed the plan) it is left alone. A catalog loaded after the change's date cannot have a version
 * published before it, so then the change is dated now.
 */
async function publishPriceChange(db: Db, now: Date): Promise<boolean> {
  const first = await firstVersion(db, demoPriceChange.plan);
  if (first?.status !== "active") return false;
  const versions = await db
    .select({ id: planVersions.id })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(eq(plans.code, demoPriceChange.plan));
  if (versions.length !== 1) return false;
  const wanted = priceChangeAt(now);
  const at = first.publishedAt && first.publishedAt > wanted ? now : wanted;
  // A copy of version 1 at the new price: only the price changed.
  const draft = await createDraftVersion(db, demoPriceChange.plan, undefined, "demo-seed");
  await updateDraftVersion(db, draft.id, { base_price_cents: demoPriceChange.basePriceCents, currency: draft.currency, items: draft.items, allowed_sizes: draft.allowed_sizes });
  await publishVersion(db, draft.id, "demo-seed", { now: at });
  await migrateVersionSubscriptions(db, { fromVersionId: first.id, timing: "now", actor: "demo-seed", now: at });
  return true;
}
