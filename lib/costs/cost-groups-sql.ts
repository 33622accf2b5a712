import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { CostDimension } from "./cost-dimensions";
import { tenantAtMonthEndSql } from "./tenant-at-month-end-sql";

export interface CostGroupsSqlInput {
  /** First month read, `YYYY-MM-01` (the caller reaches back before the range for history). */
  from: string;
  to: string;
  groupBy: CostDimension;
  groupBy2?: CostDimension;
  tagPrefix: string;
}

/** A dimension's value per line (tenant: the line's resource, resolved per month afterwards). */
const lineKey: Record<CostDimension, SQL> = {
  kind: sql`coalesce(l.kind, case when l.line_type in ('tax', 'credit') then l.line_type else 'other' end)`,
  project: sql`l.project_name`,
  tenant: sql`l.resource_id`,
  resource: sql`l.resource_id`,
  product: sql`l.product`,
  category: sql`l.category`,
};

/**
 * One statement: lines of the months summed per month, currency and the dimensions' values in PostgreSQL, so only
 * the aggregates reach JavaScript. Grouping by tenant sums per resource first and resolves each (month, resource)
 * once, so the tag history is read per resource and month, not per line. Names for resources and tenants are joined
 * onto the groups at the end. Columns: period, currency, g1, n1, g2, n2, cents.
 */
export function costGroupsSql(q: CostGroupsSqlInput): SQL {
  const dims = [q.groupBy, q.groupBy2] as const;
  const hasTenant = dims.includes("tenant");
  const key = (d: CostDimension | undefined) => (d ? lineKey[d] : sql`null::text`);
  const final = (d: CostDimension | undefined, n: 1 | 2) =>
    d === "tenant" ? sql`o.tenant_id` : d === "resource" ? sql.raw(`b.k${n}::text`) : sql.raw(`b.k${n}`);
  const name = (d: CostDimension | undefined, n: 1 | 2) => {
    const g = sql.raw(`g.g${n}`);
    if (d === "resource") return sql`(select r.name from cloud_resources r where r.id = ${g}::uuid)`;
    if (d === "tenant") return sql`(select t.name from tenants t where t.id = ${g})`;
    return sql`null::text`;
  };
  const owners = hasTenant
    ? sql`, owners as (
        select d.period, d.resource_id, ${tenantAtMonthEndSql("r", sql`d.period`, q.tagPrefix)} as tenant_id
        from (select distinct period, ${sql.raw(q.groupBy === "tenant" ? "k1" : "k2")} as resource_id from base) d
        join cloud_resources r on r.id = d.resource_id)`
    : sql``;
  const ownersJoin = hasTenant
    ? sql`left join owners o on o.period = b.period and o.resource_id = ${sql.raw(q.groupBy === "tenant" ? "b.k1" : "b.k2")}`
    : sql``;
  return sql`
    with base as (
      select l.period, i.currency, ${key(dims[0])} as k1, ${key(dims[1])} as k2, sum(l.amount_cents) as cents
      from cloud_cost_lines l
      join cloud_invoices i on i.id = l.invoice_id
      where l.period >= ${q.from} and l.period <= ${q.to}
      group by 1, 2, 3, 4
    )${owners},
    grouped as (
      select b.period, b.currency, ${final(dims[0], 1)} as g1, ${final(dims[1], 2)} as g2, sum(b.cents)::bigint as cents
      from base b ${ownersJoin}
      group by 1, 2, 3, 4
    )
    select g.period::text as period, g.currency, g.g1, ${name(dims[0], 1)} as n1, g.g2, ${name(dims[1], 2)} as n2, g.cents
    from grouped g
    order by g.period, g.cents desc, g.g1 nulls last, g.g2 nulls last`;
}
