import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { ResourceKind } from "@/db/schema/resource-constants";

export interface ResourceCosts {
  /** The latest month with an ingested invoice (`YYYY-MM-01`), or null before any. */
  period: string | null;
  currency: string | null;
  /** Cents per resource id: its matched lines of that month (credits included, tax not). */
  byResource: Record<string, number>;
  /** Cents per kind: every line of that month classified as the kind, matched to a resource or not. */
  byKind: Partial<Record<ResourceKind, number>>;
}

/**
 * What the inventory shows of costs: each listed resource's cost in the latest invoiced month, from the invoice lines
 * matched to it, and what each kind cost in all that month. Two aggregate queries on the lines' period index.
 */
export async function loadResourceCosts(db: DbOrTx, resourceIds: readonly string[]): Promise<ResourceCosts> {
  const [latest] = rowsOf<{ period: string | null; currency: string | null }>(
    await db.execute(sql`
      select i.period::text as period, i.currency from cloud_invoices i
      where i.status = 'ingested' and exists (select 1 from cloud_cost_lines l where l.invoice_id = i.id)
      order by i.period desc, i.ingested_at desc nulls last limit 1`),
  );
  if (!latest?.period) return { period: null, currency: null, byResource: {}, byKind: {} };
  const period = latest.period;
  const ids = JSON.stringify([...new Set(resourceIds)]);
  const [perResource, perKind] = await Promise.all([
    resourceIds.length
      ? db.execute(sql`
          select resource_id, sum(amount_cents)::bigint as cents from cloud_cost_lines
          where period = ${period} and line_type <> 'tax'
            and resource_id in (select (jsonb_array_elements_text(${ids}::jsonb))::uuid)
          group by resource_id`)
      : Promise.resolve([]),
    db.execute(sql`
      select kind, sum(amount_cents)::bigint as cents from cloud_cost_lines
      where period = ${period} and line_type <> 'tax' and kind is not null
      group by kind`),
  ]);
  return {
    period,
    currency: latest.currency,
    byResource: Object.fromEntries(rowsOf<{ resource_id: string; cents: string | number }>(perResource).map((r) => [r.resource_id, Number(r.cents)])),
    byKind: Object.fromEntries(rowsOf<{ kind: ResourceKind; cents: string | number }>(perKind).map((r) => [r.kind, Number(r.cents)])),
  };
}
