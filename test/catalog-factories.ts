import type { DbOrTx } from "@/db/client";
import type { PlanItemDto } from "@/lib/catalog/schemas";
import { createPlan } from "@/lib/catalog/plans";
import { publishVersion } from "@/lib/catalog/publish-version";
import { getPlanOrThrow } from "@/lib/catalog/versions";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export const sampleItems: PlanItemDto[] = [
  { resource_kind: "droplet_hours", included_qty: 744, overage_unit: "hour", overage_price_cents: 2, hard_cap_qty: null },
  { resource_kind: "bandwidth_gb", included_qty: 1000, overage_unit: "GB", overage_price_cents: 2, hard_cap_qty: 5000 },
];

/** A plan with a unique code and its first version published (pass `publish: false` to leave it a draft). */
export async function createCatalogPlan(
  db: DbOrTx,
  overrides: { code?: string; name?: string; basePriceCents?: number; currency?: string; items?: PlanItemDto[]; publish?: boolean } = {},
) {
  const id = unique();
  const code = overrides.code ?? `plan-${id}`;
  const { draft } = await createPlan(
    db,
    { code, name: overrides.name ?? `Plan ${id}`, description: "" },
    { base_price_cents: overrides.basePriceCents ?? 5000, currency: overrides.currency ?? "AUD", items: overrides.items ?? sampleItems },
  );
  if (overrides.publish !== false) await publishVersion(db, draft.id, "factory");
  const plan = await getPlanOrThrow(db, code);
  return { id: plan.id, code: plan.code, name: plan.name, firstVersionId: draft.id };
}
