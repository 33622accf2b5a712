import "server-only";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { type ResourceKind, resourceUsageSamples, type UsageSampleMetric, usageRecords } from "@/db/schema";
import { isNewsworthyPeriod } from "@/lib/notifications/announce-window";
import { announceMeteredMonth } from "./announce-metered-month";
import { bytesToGb } from "./integrate-bandwidth";
import { loadMeteredResources, tenantOf } from "./load-metered-resources";
import { addMonths, monthStart } from "./month";
import { meteredKinds, resourceUsage, round6 } from "./resource-usage";

const ID_CHUNK = 2_000;
const INSERT_CHUNK = 1_000;

export interface MeterResult {
  period: string;
  resources: number;
  tenants: number;
  records: number;
}

type DailySamples = Map<string, Partial<Record<UsageSampleMetric, number[]>>>;

/** The month's daily samples of these resources, by resource and metric. */
async function loadDailySamples(db: DbOrTx, period: string, ids: string[]): Promise<DailySamples> {
  const from = monthStart(period).toISOString().slice(0, 10);
  const to = monthStart(addMonths(period, 1)).toISOString().slice(0, 10);
  const out: DailySamples = new Map();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .select({ resourceId: resourceUsageSamples.resourceId, metric: resourceUsageSamples.metric, value: resourceUsageSamples.value })
      .from(resourceUsageSamples)
      .where(and(inArray(resourceUsageSamples.resourceId, ids.slice(i, i + ID_CHUNK)), gte(resourceUsageSamples.day, from), lt(resourceUsageSamples.day, to)));
    for (const r of rows) {
      const perMetric = out.get(r.resourceId) ?? {};
      const values = perMetric[r.metric] ?? [];
      values.push(r.value);
      perMetric[r.metric] = values;
      out.set(r.resourceId, perMetric);
    }
  }
  return out;
}

/**
 * Turns the inventory into usage for the month: every resource tagged `<prefix><tenant>` that may have existed in
 * the month, its event log replayed for when it existed and at what size, plus its daily samples (a bucket's stored
 * bytes, a droplet's public outbound bytes → `bandwidth_gb`), summed per tenant and kind. The month's meter rows are
 * replaced in one transaction (the client key `meter:<month>:<tenant>:<kind>` keeps one row each), so re-running is
 * harmless and a resource deleted from the tags stops counting. With `tenants`, only those tenants' rows are
 * recomputed (after a bandwidth run measured some of their droplets). Tenants metered whom no billed subscription
 * covers are announced (usage.unbilled, once per tenant and month) in the same transaction, unless `announce` is
 * false: a provisioning request re-metering its own tenant leaves that (the whole account's margin report) to the
 * metering runs.
 */
export async function meterUsage(
  db: DbOrTx,
  period: string,
  prefix: string,
  opts: { tenants?: readonly string[]; announce?: boolean; now?: Date } = {},
): Promise<MeterResult> {
  const kinds = Object.keys(meteredKinds) as ResourceKind[];
  const resources = await loadMeteredResources(db, period, prefix, { kinds, tenants: opts.tenants });
  const samples = await loadDailySamples(db, period, resources.map((r) => r.id));
  const inScope = opts.tenants ? new Set(opts.tenants) : null;

  const totals = new Map<string, Map<CatalogResourceKind, number>>();
  const add = (tenant: string, kind: CatalogResourceKind, quantity: number) => {
    if (quantity <= 0) return;
    const perKind = totals.get(tenant) ?? new Map<CatalogResourceKind, number>();
    perKind.set(kind, (perKind.get(kind) ?? 0) + quantity);
    totals.set(tenant, perKind);
  };
  for (const r of resources) {
    const tenant = tenantOf(r.tags, prefix);
    if (!tenant || (inScope && !inScope.has(tenant))) continue;
    const daily = samples.get(r.id) ?? {};
    const usage = resourceUsage({ ...r, storedBytesSamples: daily.stored_bytes }, period);
    if (usage) add(tenant, usage.kind, usage.quantity);
    if (daily.public_outbound_bytes) add(tenant, "bandwidth_gb", bytesToGb(daily.public_outbound_bytes.reduce((a, b) => a + b, 0)));
  }

  const rows = [...totals].flatMap(([tenantId, perKind]) =>
    [...perKind].map(([kind, quantity]) => ({
      clientKey: `meter:${period.slice(0, 7)}:${tenantId}:${kind}`,
      tenantId,
      resourceKind: kind,
      period,
      quantity: round6(quantity).toFixed(6),
      source: "meter" as const,
    })),
  );
  await db.transaction(async (tx) => {
    const scope = opts.tenants ? sql`${usageRecords.tenantId} in (select jsonb_array_elements_text(${JSON.stringify(opts.tenants)}::jsonb))` : undefined;
    await tx.delete(usageRecords).where(and(eq(usageRecords.source, "meter"), eq(usageRecords.period, period), scope));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(usageRecords).values(rows.slice(i, i + INSERT_CHUNK));
    if (opts.announce !== false && isNewsworthyPeriod(period, opts.now)) await announceMeteredMonth(tx, period, prefix, [...totals.keys()]);
  });
  return { period, resources: resources.length, tenants: totals.size, records: rows.length };
}
