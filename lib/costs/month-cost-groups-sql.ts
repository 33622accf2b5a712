import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { tenantAtMonthEndSql } from "./tenant-at-month-end-sql";

/** The dimensions an invoice ingest judges for anomalies, read together by monthCostGroupsSql. */
export const anomalyDimensions = ["kind", "project", "tenant"] as const;
export type AnomalyDimension = (typeof anomalyDimensions)[number];

/**
 * costGroupsSql's rows for kind, project and tenant at once, each tagged with its `dim`: the lines of the months are
 * scanned once and summed per month, currency, kind, project and resource, and each dimension is summed from that.
 * An ingest reads a million-line month once instead of once per dimension. Columns: dim, period, currency, g1, n1,
 * g2, n2, cents, ordered as costGroupsSql orders them within each dimension.
 */
export function monthCostGroupsSql(q: { from: string; to: string; tagPrefix: string }): SQL {
  return sql`
    with base as (
      select l.period, i.currency,
        coalesce(l.kind, case when l.line_type in ('tax', 'credit') then l.line_type else 'other' end) as kind,
        l.project_name as project, l.resource_id, sum(l.amount_cents) as cents
      from cloud_cost_lines l
      join cloud_invoices i on i.id = l.invoice_id
      where l.period >= ${q.from} and l.period <= ${q.to}
      group by 1, 2, 3, 4, 5
    ),
    owners as (
      select d.period, d.resource_id, ${tenantAtMonthEndSql("r", sql`d.period`, q.tagPrefix)} as tenant_id
      from (select distinct period, resource_id from base where resource_id is not null) d
      join cloud_resources r on r.id = d.resource_id
    ),
    grouped as (
      select 'kind'::text as dim, period, currency, kind as g1, sum(cents)::bigint as cents from base group by 2, 3, 4
      union all
      select 'project'::text, period, currency, project, sum(cents)::bigint from base group by 2, 3, 4
      union all
      select 'tenant'::text, b.period, b.currency, o.tenant_id, sum(b.cents)::bigint
      from base b left join owners o on o.period = b.period and o.resource_id = b.resource_id
      group by 2, 3, 4
    )
    select g.dim, g.period::text as period, g.currency, g.g1,
      case when g.dim = 'tenant' then (select t.name from tenants t where t.id = g.g1) end as n1,
      null::text as g2, null::text as n2, g.cents
    from grouped g
    order by g.dim, g.period, g.cents desc, g.g1 nulls last`;
}
