import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { addMonths, monthStart } from "./month";

/** One aggregate of COGS: a month, the tenant it is attributed to (null: shared), what it paid for, in a currency. */
export interface CogsAtom {
  period: string;
  tenantId: string | null;
  /** The resource kind of the lines (`other` when unclassified), `credit` for credits, `estimate` for a snapshot. */
  kind: string;
  currency: string;
  cents: number;
}

export interface CogsData {
  atoms: CogsAtom[];
  /** Months whose COGS is the month-to-date estimate of a balance snapshot, not invoice lines. */
  estimated: Set<string>;
  /** Months with ingested invoice lines. */
  invoiced: Set<string>;
}

/**
 * COGS for the months `from`..`to` in two set-based queries. Invoice lines (taxes excluded; credits included, as they
 * lower what we pay) are summed per month, tenant, kind and currency; a line is a tenant's when its resource carries
 * `<prefix><id>` for a tenant arcadia-app has told us about, otherwise it is shared. A month without invoice lines
 * takes the latest balance snapshot DO generated in it, as a shared estimate.
 */
export async function loadCogs(db: DbOrTx, from: string, to: string, prefix: string): Promise<CogsData> {
  const [lineRows, snapshotRows] = await Promise.all([
    // Summed per tag first, then joined to the (few) invoices and the tenants: cheaper than grouping on their columns.
    db.execute(sql`
      with tagged as (
        select l.period, l.invoice_id, tag.tenant_id,
               case when l.line_type = 'credit' then 'credit' else coalesce(l.kind, 'other') end as kind,
               sum(l.amount_cents) as cents
        from cloud_cost_lines l
        left join cloud_resources r on r.id = l.resource_id
        left join lateral (
          select substr(t.tag, length(${prefix}) + 1) as tenant_id
          from unnest(r.tags) with ordinality as t(tag, n)
          where left(t.tag, length(${prefix})) = ${prefix} and length(t.tag) > length(${prefix})
          order by t.n limit 1
        ) tag on true
        where l.period >= ${from} and l.period <= ${to} and l.line_type <> 'tax'
        group by 1, 2, 3, 4
      )
      select a.period::text as period, tn.id as tenant_id, a.kind, i.currency, sum(a.cents)::bigint as cents
      from tagged a
      join cloud_invoices i on i.id = a.invoice_id
      left join tenants tn on tn.id = a.tenant_id
      group by a.period, tn.id, a.kind, i.currency`),
    db.execute(sql`
      select distinct on (1) to_char(date_trunc('month', generated_at at time zone 'UTC'), 'YYYY-MM-DD') as period,
             month_to_date_usage_cents as cents, currency
      from cloud_balance_snapshots
      where generated_at >= ${monthStart(from).toISOString()} and generated_at < ${monthStart(addMonths(to, 1)).toISOString()}
      order by 1, generated_at desc, taken_at desc`),
  ]);
  const atoms: CogsAtom[] = rowsOf<{ period: string; tenant_id: string | null; kind: string; currency: string; cents: string | number }>(lineRows).map((r) => ({
    period: r.period,
    tenantId: r.tenant_id,
    kind: r.kind,
    currency: r.currency,
    cents: Number(r.cents),
  }));
  const invoiced = new Set(atoms.map((a) => a.period));
  const estimated = new Set<string>();
  for (const s of rowsOf<{ period: string; cents: string | number; currency: string }>(snapshotRows)) {
    if (invoiced.has(s.period)) continue;
    estimated.add(s.period);
    atoms.push({ period: s.period, tenantId: null, kind: "estimate", currency: s.currency, cents: Number(s.cents) });
  }
  return { atoms, estimated, invoiced };
}
