import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { addMonths, monthStart } from "./month";

/** One aggregate of COGS: a month, the tenant its resources are tagged for (null: shared), what it paid for, in a currency. */
export interface CogsAtom {
  period: string;
  /** The `<prefix><id>` tag's id, whether or not arcadia-app has told us about that tenant. */
  tenantId: string | null;
  /** The resource kind of the lines (`other` when unclassified), `credit` for credits, `estimate` for a snapshot. */
  kind: string;
  currency: string;
  cents: number;
}

/** DO's month-to-date usage as of `generatedAt`: the latest balance snapshot generated in its month. */
export interface BalanceSnapshotFigure {
  period: string;
  cents: number;
  currency: string;
  generatedAt: Date;
}

export interface CogsData {
  atoms: CogsAtom[];
  /** Months whose COGS is the month-to-date estimate of a balance snapshot, not invoice lines. */
  estimated: Set<string>;
  /** Months with ingested invoice lines. */
  invoiced: Set<string>;
  /** Each month's latest snapshot, invoiced months included: what the estimate said before the invoice came. */
  snapshots: Map<string, BalanceSnapshotFigure>;
  /** Per tag tenant, the resources whose invoice lines of the range are attributed to it. */
  resourcesByTenant: Map<string, number>;
}

/**
 * COGS for the months `from`..`to` in two set-based queries. Invoice lines (taxes excluded; credits included, as they
 * lower what we pay) are summed per resource first, then per month, tenant, kind and currency. A line is a tenant's
 * when its resource carried `<prefix><id>` at the end of the line's month: the tags it has now, unless the event log
 * records a later tag change, whose old tags are the ones it had then. Otherwise it is shared. A month without
 * invoice lines takes the latest balance snapshot DO generated in it, as a shared estimate.
 */
export async function loadCogs(db: DbOrTx, from: string, to: string, prefix: string): Promise<CogsData> {
  const [lineRows, snapshotRows] = await Promise.all([
    db.execute(sql`
      with per_resource as (
        select l.period, l.invoice_id, l.resource_id,
               case when l.line_type = 'credit' then 'credit' else coalesce(l.kind, 'other') end as kind,
               sum(l.amount_cents) as cents
        from cloud_cost_lines l
        where l.period >= ${from} and l.period <= ${to} and l.line_type <> 'tax'
        group by 1, 2, 3, 4
      ),
      owners as (
        select d.period, d.resource_id, tag.tenant_id
        from (select distinct period, resource_id from per_resource where resource_id is not null) d
        join cloud_resources r on r.id = d.resource_id
        left join lateral (
          select e.payload -> 'changes' -> 'tags' -> 'old' as tags
          from cloud_resource_events e
          where e.resource_id = r.id and e.at >= (d.period + interval '1 month') at time zone 'UTC' and e.type in ('updated', 'restored')
            and e.payload -> 'changes' -> 'tags' is not null
          order by e.at, e.id limit 1
        ) later on true
        cross join lateral (
          select substr(t.tag, length(${prefix}) + 1) as tenant_id
          from unnest(case when jsonb_typeof(later.tags) = 'array' then array(select jsonb_array_elements_text(later.tags)) else r.tags end)
               with ordinality as t(tag, n)
          where left(t.tag, length(${prefix})) = ${prefix} and length(t.tag) > length(${prefix})
          order by t.n limit 1
        ) tag
      )
      select a.period::text as period, o.tenant_id, a.kind, i.currency, sum(a.cents)::bigint as cents,
             count(distinct a.resource_id)::int as resources, grouping(a.period, a.kind, i.currency) <> 0 as is_tenant_total
      from per_resource a
      join cloud_invoices i on i.id = a.invoice_id
      left join owners o on o.period = a.period and o.resource_id = a.resource_id
      group by grouping sets ((a.period, o.tenant_id, a.kind, i.currency), (o.tenant_id))`),
    db.execute(sql`
      select distinct on (1) to_char(date_trunc('month', generated_at at time zone 'UTC'), 'YYYY-MM-DD') as period,
             month_to_date_usage_cents as cents, currency, generated_at
      from cloud_balance_snapshots
      where generated_at >= ${monthStart(from).toISOString()} and generated_at < ${monthStart(addMonths(to, 1)).toISOString()}
      order by 1, generated_at desc, taken_at desc`),
  ]);
  const atoms: CogsAtom[] = [];
  const resourcesByTenant = new Map<string, number>();
  type LineRow = { period: string | null; tenant_id: string | null; kind: string; currency: string; cents: string | number; resources: number; is_tenant_total: boolean };
  for (const r of rowsOf<LineRow>(lineRows)) {
    if (r.is_tenant_total) {
      if (r.tenant_id !== null) resourcesByTenant.set(r.tenant_id, Number(r.resources));
      continue;
    }
    atoms.push({ period: r.period!, tenantId: r.tenant_id, kind: r.kind, currency: r.currency, cents: Number(r.cents) });
  }
  const invoiced = new Set(atoms.map((a) => a.period));
  const estimated = new Set<string>();
  const snapshots = new Map<string, BalanceSnapshotFigure>();
  for (const s of rowsOf<{ period: string; cents: string | number; currency: string; generated_at: string | Date }>(snapshotRows)) {
    snapshots.set(s.period, { period: s.period, cents: Number(s.cents), currency: s.currency, generatedAt: new Date(s.generated_at) });
    if (invoiced.has(s.period)) continue;
    estimated.add(s.period);
    atoms.push({ period: s.period, tenantId: null, kind: "estimate", currency: s.currency, cents: Number(s.cents) });
  }
  return { atoms, estimated, invoiced, snapshots, resourcesByTenant };
}
