import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addons, type CatalogResourceKind, planVersions, plans, resourcePrices } from "@/db/schema/catalog";
import { publishVersion } from "./publish-version";
import { createResourcePrice } from "./resource-prices";
import type { AddonInput, PlanItemDto } from "./schemas";
import { createDraftVersion } from "./versions";

// The starter catalog: `npm run db:seed` and the empty catalog page's one-click start create it. Prices are what a small
// managed reseller charges in AUD: the demo account's margin dashboard showed the first placeholders (A$20, A$50, A$120)
// well under DigitalOcean's COGS once the reseller's own shared infrastructure is counted.

const item = (resource_kind: CatalogResourceKind, included_qty: number, overage_unit: string, overage_price_cents: number, hard_cap_qty: number | null = null): PlanItemDto => ({
  resource_kind,
  included_qty,
  overage_unit,
  overage_price_cents,
  hard_cap_qty,
});

export const starterPlans = [
  {
    code: "starter",
    name: "Starter",
    description: "One small server with storage, transfer and DNS: a side project or a first site.",
    base_price_cents: 4900,
    items: [
      item("droplet_hours", 744, "hour", 2, 1488),
      item("spaces_gb_month", 250, "GB-month", 4),
      item("snapshot_gb_month", 50, "GB-month", 8),
      item("bandwidth_gb", 1000, "GB", 2),
      item("dns_zones", 3, "zone", 100, 5),
    ],
  },
  {
    code: "studio",
    name: "Studio",
    description: "A few servers, more storage and an LLM allowance for a growing studio.",
    base_price_cents: 22900,
    items: [
      item("droplet_hours", 2232, "hour", 2),
      item("spaces_gb_month", 500, "GB-month", 4),
      item("snapshot_gb_month", 150, "GB-month", 8),
      item("bandwidth_gb", 4000, "GB", 2),
      item("dns_zones", 10, "zone", 100, 25),
      item("llm_tokens", 2_000_000, "1M tokens", 300, 20_000_000),
    ],
  },
  {
    code: "pro",
    name: "Pro",
    description: "Room for production: many servers, generous storage and transfer, and a large LLM allowance.",
    base_price_cents: 49900,
    items: [
      item("droplet_hours", 7440, "hour", 2),
      item("spaces_gb_month", 2000, "GB-month", 3),
      item("snapshot_gb_month", 500, "GB-month", 7),
      item("bandwidth_gb", 10_000, "GB", 1),
      item("dns_zones", 50, "zone", 50),
      item("llm_tokens", 10_000_000, "1M tokens", 250),
    ],
  },
] as const;

export const starterAddons: AddonInput[] = [
  { code: "spaces-250", name: "Extra 250 GB of Spaces storage", resource_kind: "spaces_gb_month", qty: 250, price_cents: 600, currency: "AUD" },
  { code: "snapshots-100", name: "Extra 100 GB of snapshot storage", resource_kind: "snapshot_gb_month", qty: 100, price_cents: 700, currency: "AUD" },
  { code: "llm-tokens-5m", name: "5 million LLM tokens", resource_kind: "llm_tokens", qty: 5_000_000, price_cents: 1200, currency: "AUD" },
];

const starterResourcePrices: { kind: CatalogResourceKind; unit: string; cents: number }[] = [
  { kind: "droplet_hours", unit: "hour", cents: 2 },
  { kind: "volume_gb_month", unit: "GB-month", cents: 16 },
  { kind: "spaces_gb_month", unit: "GB-month", cents: 4 },
  { kind: "snapshot_gb_month", unit: "GB-month", cents: 9 },
  { kind: "bandwidth_gb", unit: "GB", cents: 2 },
  { kind: "dns_zones", unit: "zone", cents: 100 },
  { kind: "load_balancer_hours", unit: "hour", cents: 3 },
  { kind: "database_hours", unit: "hour", cents: 4 },
  { kind: "reserved_ip_hours", unit: "hour", cents: 1 },
  { kind: "llm_tokens", unit: "1M tokens", cents: 300 },
];
const starterPricesFrom = new Date("2026-01-01T00:00:00Z");

/**
 * Idempotent: plans and add-ons are inserted on their codes only when absent, a plan gets its first version only when
 * it has none, and a kind gets its fallback price only when it has no price at all. Whatever an admin has changed since
 * is left alone. Returns what it created. `publishedAt` dates the first versions for the demo, whose customers have
 * been on these plans since before today.
 */
export async function seedStarterCatalog(db: DbOrTx, opts: { publishedAt?: Date } = {}): Promise<string> {
  let plansCreated = 0;
  let addonsCreated = 0;
  let pricesCreated = 0;
  for (const p of starterPlans) {
    await db.transaction(async (tx) => {
      await tx.insert(plans).values({ code: p.code, name: p.name, description: p.description }).onConflictDoNothing({ target: plans.code });
      const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.code, p.code));
      const [versions] = await tx.select({ n: count() }).from(planVersions).where(eq(planVersions.planId, plan!.id));
      if (versions!.n > 0) return;
      const draft = await createDraftVersion(tx, p.code, { base_price_cents: p.base_price_cents, currency: "AUD", items: [...p.items] }, "seed");
      await publishVersion(tx, draft.id, "seed", { now: opts.publishedAt });
      plansCreated++;
    });
  }
  for (const a of starterAddons) {
    const inserted = await db
      .insert(addons)
      .values({ code: a.code, name: a.name, resourceKind: a.resource_kind, qty: a.qty, priceCents: a.price_cents, currency: a.currency })
      .onConflictDoNothing({ target: addons.code })
      .returning({ id: addons.id });
    addonsCreated += inserted.length;
  }
  for (const r of starterResourcePrices) {
    const [existing] = await db.select({ n: count() }).from(resourcePrices).where(eq(resourcePrices.resourceKind, r.kind));
    if (existing!.n > 0) continue;
    await createResourcePrice(db, { resource_kind: r.kind, unit: r.unit, price_cents: r.cents, currency: "AUD", effective_from: starterPricesFrom }, "seed");
    pricesCreated++;
  }
  return `catalog: ${plansCreated} plans, ${addonsCreated} add-ons, ${pricesCreated} resource prices created`;
}
