import type { DbOrTx } from "@/db/client";
import { cloudBalanceSnapshots, cloudCostLines, fxRates, subscriptions, tenants } from "@/db/schema";
import { createInvoice } from "./cost-factories";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createTenant(db: DbOrTx, overrides: { id?: string; name?: string } = {}) {
  const id = overrides.id ?? `t-${unique()}`;
  const [row] = await db.insert(tenants).values({ id, name: overrides.name ?? `Tenant ${id}` }).returning();
  return row!;
}

/** A subscription bound straight to a version (what PUT /api/v1/subscriptions stores), for tests about revenue. */
export async function createSubscription(
  db: DbOrTx,
  overrides: { tenantId: string; planVersionId: string; id?: string; status?: "active" | "trialing" | "canceled"; startedAt?: Date; endedAt?: Date | null },
) {
  const [row] = await db
    .insert(subscriptions)
    .values({
      id: overrides.id ?? `sub-${unique()}`,
      tenantId: overrides.tenantId,
      planVersionId: overrides.planVersionId,
      status: overrides.status ?? "active",
      startedAt: overrides.startedAt ?? new Date("2025-01-01T00:00:00Z"),
      endedAt: overrides.endedAt ?? null,
    })
    .returning();
  return row!;
}

/** An ingested invoice for `period` with the given lines (amounts in cents, USD). */
export async function createInvoiceWithLines(
  db: DbOrTx,
  period: string,
  lines: { cents: number; resourceId?: string | null; kind?: "droplet" | "volume" | "snapshot" | null; lineType?: "resource" | "tax" | "credit" | "other" }[],
) {
  const invoice = await createInvoice(db, { period, status: "ingested", amountCents: lines.reduce((a, l) => a + l.cents, 0) });
  if (lines.length) {
    await db.insert(cloudCostLines).values(
      lines.map((l, i) => ({
        invoiceId: invoice.id,
        period,
        lineNo: i + 2,
        product: l.lineType === "tax" ? "Tax" : "Droplets",
        description: `line ${i}`,
        amountCents: l.cents,
        lineType: l.lineType ?? "resource",
        kind: l.lineType && l.lineType !== "resource" ? null : (l.kind ?? "droplet"),
        resourceId: l.resourceId ?? null,
        matchMethod: l.resourceId ? ("id" as const) : ("none" as const),
      })),
    );
  }
  return invoice;
}

export async function createSnapshot(db: DbOrTx, opts: { usageCents: number; generatedAt: Date }) {
  await db.insert(cloudBalanceSnapshots).values({
    monthToDateBalanceCents: opts.usageCents,
    monthToDateUsageCents: opts.usageCents,
    accountBalanceCents: 0,
    generatedAt: opts.generatedAt,
    takenAt: opts.generatedAt,
  });
}

export async function createFxRate(db: DbOrTx, opts: { base?: string; quote?: string; rate: string; effectiveFrom: string }) {
  await db.insert(fxRates).values({ base: opts.base ?? "USD", quote: opts.quote ?? "AUD", rate: opts.rate, effectiveFrom: opts.effectiveFrom });
}
