import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { containsPattern } from "@/db/like";
import { rowsOf } from "@/db/rows";

export interface TenantListItem {
  id: string;
  /** Null for a tenant only a resource tag names: arcadia-app never sent it. */
  name: string | null;
  isKnown: boolean;
  /** The plan of the subscription in force now, and that subscription's status. */
  planCode: string | null;
  planName: string | null;
  subscriptionStatus: string | null;
  /** Live (not deleted) resources tagged as its. */
  resources: number;
}

/**
 * Every tenant: the ones arcadia-app sent and the ones only a `<prefix><id>` resource tag names (their resources run
 * unbilled, so they must be findable too), searchable by name or id, ordered by name. A resource is its first
 * prefixed tag's tenant, as COGS attribution and the meter take it.
 */
export async function listTenants(
  db: DbOrTx,
  opts: { tagPrefix: string; q?: string; limit: number; offset: number; now?: Date },
): Promise<{ items: TenantListItem[]; total: number }> {
  const prefix = opts.tagPrefix;
  const now = (opts.now ?? new Date()).toISOString();
  const pattern = opts.q ? containsPattern(opts.q) : null;
  const rows = rowsOf<TenantListItem & { total: number }>(
    await db.execute(sql`
      with tagged as (
        select tag.tenant_id as id, count(*)::int as resources
        from cloud_resources r
        cross join lateral (
          select substr(t.tag, length(${prefix}) + 1) as tenant_id
          from unnest(r.tags) with ordinality as t(tag, n)
          where left(t.tag, length(${prefix})) = ${prefix} and length(t.tag) > length(${prefix})
          order by t.n limit 1
        ) tag
        where r.deleted_at is null
        group by 1
      ),
      ids as (select id from tenants union select id from tagged),
      current_sub as (
        select distinct on (s.tenant_id) s.tenant_id, s.status, p.code as plan_code, p.name as plan_name
        from subscriptions s
        join plan_versions v on v.id = s.plan_version_id
        join plans p on p.id = v.plan_id
        where s.started_at <= ${now}::timestamptz and (s.ended_at is null or s.ended_at > ${now}::timestamptz)
        order by s.tenant_id, s.started_at desc, s.id
      )
      select i.id, t.name, t.id is not null as "isKnown", c.plan_code as "planCode", c.plan_name as "planName",
             c.status as "subscriptionStatus", coalesce(g.resources, 0)::int as resources, count(*) over ()::int as total
      from ids i
      left join tenants t on t.id = i.id
      left join tagged g on g.id = i.id
      left join current_sub c on c.tenant_id = i.id
      where ${pattern}::text is null or i.id ilike ${pattern} or t.name ilike ${pattern}
      order by lower(coalesce(t.name, i.id)), i.id
      limit ${opts.limit} offset ${opts.offset}`),
  );
  let total = rows[0]?.total ?? 0;
  // A page past the last one has no row to carry the total.
  if (!rows.length && opts.offset > 0) total = (await listTenants(db, { ...opts, limit: 1, offset: 0 })).total;
  return { items: rows.map(({ total: _t, ...item }) => item), total };
}

/** The names arcadia-app gave these tenants; ids it never sent are absent. */
export async function loadTenantNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select id, name from tenants where id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))`),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
