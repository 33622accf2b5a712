import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Bench, figure, percentile } from "./bench";
import { benchAdminToken, createBenchDb, ensureBuild, httpGet, measureConcurrent, startServer } from "./support";

const tenants = 2_000;
/** Resources tagged for tenants arcadia-app never sent: each is an unbilled row of its own. */
const ghosts = 200;
const resources = 20_000;
const lines = 100_000;
const period = "2026-04-01";
const runs = 40;

/**
 * 2,000 tenants on three plans (each subscription with its recorded status), 20,000 resources (90 % tagged for a
 * tenant, 1 % for one of 200 tenants nobody sent, 10 % retagged in May so April reads their old tags from the event
 * log), 100,000 cost lines for April 2026 and an April balance snapshot (the reconciliation's estimate).
 */
async function seedMarginBench(db: Awaited<ReturnType<typeof createBenchDb>>["db"]) {
  await db.execute(sql`
    insert into plans (code, name) values ('starter', 'Starter'), ('studio', 'Studio'), ('pro', 'Pro')`);
  await db.execute(sql`
    insert into plan_versions (plan_id, version, base_price_cents, currency, status)
    select id, 1, case code when 'starter' then 2000 when 'studio' then 5000 else 12000 end, 'AUD', 'draft' from plans`);
  await db.execute(sql`
    insert into plan_items (version_id, resource_kind, included_qty, overage_unit, overage_price_cents, hard_cap_qty)
    select v.id, k.kind, k.qty, 'hour', 2, null from plan_versions v,
      (values ('droplet_hours', 744), ('volume_gb_month', 100), ('snapshot_gb_month', 50)) as k(kind, qty)`);
  // Items go on drafts (published versions are immutable), then the versions are published.
  await db.execute(sql`update plan_versions set status = 'active', published_at = now()`);
  await db.execute(sql`insert into tenants (id, name) select 't-' || i, 'Tenant ' || i from generate_series(1, ${tenants}) as i`);
  await db.execute(sql`
    insert into subscriptions (id, tenant_id, plan_version_id, status, started_at)
    select 's-' || i, 't-' || i, (select id from plan_versions order by base_price_cents offset (i % 3) limit 1), 'active',
           case when i % 10 = 0 then timestamptz '2026-04-16' else timestamptz '2025-01-01' end
    from generate_series(1, ${tenants}) as i`);
  await db.execute(sql`insert into subscription_status_changes (subscription_id, status, effective_at) select id, status, started_at from subscriptions`);
  await db.execute(sql`
    insert into usage_records (client_key, tenant_id, resource_kind, period, quantity, source)
    select 'meter:2026-04:t-' || i || ':' || k, 't-' || i, k, ${period}, 500 + (i % 700), 'meter'
    from generate_series(1, ${tenants}) as i, unnest(array['droplet_hours', 'volume_gb_month']) as k`);
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, size_slug, status, tags)
    select (array['droplet','volume','snapshot'])[1 + i % 3], 'r-' || i, 'bench-' || i, 's-1vcpu-1gb', 'active',
           case when i % 100 = 0 then array['tenant:ghost-' || (i / 100)] when i % 10 = 0 then array['arcadia']
                else array['env:prod', 'tenant:t-' || (1 + i % ${tenants})] end
    from generate_series(1, ${resources}) as i`);
  await db.execute(sql`
    insert into cloud_resource_events (resource_id, type, at, payload)
    select id, 'updated', timestamptz '2026-05-10 09:00Z',
           jsonb_build_object('changes', jsonb_build_object('tags', jsonb_build_object('old', jsonb_build_array('tenant:t-1'), 'new', to_jsonb(tags))))
    from cloud_resources where provider_id ~ '5$'`);
  await db.execute(sql`
    insert into cloud_balance_snapshots (month_to_date_balance_cents, month_to_date_usage_cents, account_balance_cents, generated_at, taken_at)
    values (9000000, 9000000, 0, timestamptz '2026-04-28 14:07Z', timestamptz '2026-04-28 14:07Z')`);
  await db.execute(sql`insert into cloud_invoices (invoice_uuid, period, amount_cents, status, line_count) values ('bench-margin', ${period}, 0, 'ingested', ${lines})`);
  await db.execute(sql`
    insert into cloud_cost_lines (invoice_id, period, line_no, product, description, amount_cents, line_type, kind, resource_id, match_method)
    select i.id, i.period, n + 1, 'Droplets', 'line ' || n, 100 + n % 900,
           case when n % 50 = 0 then 'tax' when n % 97 = 0 then 'credit' else 'resource' end,
           (array['droplet','volume','snapshot'])[1 + n % 3],
           case when n % 20 = 0 then null else r.id end, case when n % 20 = 0 then 'none' else 'id' end
    from cloud_invoices i, generate_series(1, ${lines}) as n
    left join cloud_resources r on r.provider_id = 'r-' || (1 + n % ${resources})`);
  await db.execute(sql`insert into fx_rates (base, quote, rate, effective_from) values ('USD', 'AUD', 1.5312, '2020-01-01')`);
  await db.execute(sql`vacuum analyze`);
}

/**
 * The same report by hand, in one statement: per tenant, base revenue pro-rated by day for subscriptions whose recorded
 * status is billed, COGS summed per resource and attributed through the tenant tag the resource had at the month's end
 * (the first later tag change's old tags, else its tags now), in total and per kind (converted at the month's rate),
 * how many resources and since when for the tags of tenants nobody sent, usage per kind, and the shared rest as a row
 * of its own. What the endpoint (which also prices overage, add-ons and migrations, accrues estimate months and
 * reconciles the snapshot) must stay within 3× of.
 */
const handWritten = `
  with per_resource as (
    select l.resource_id, case when l.line_type = 'credit' then 'credit' else coalesce(l.kind, 'other') end as kind,
           sum(l.amount_cents) as cents
    from cloud_cost_lines l
    join cloud_invoices i on i.id = l.invoice_id
    where l.period = $1 and l.line_type <> 'tax'
    group by 1, 2),
  owners as (
    select r.id as resource_id, tag.tenant_id, least(r.provider_created_at, r.first_seen_at) as first_at
    from cloud_resources r
    left join lateral (select e.payload -> 'changes' -> 'tags' -> 'old' as tags from cloud_resource_events e
                       where e.resource_id = r.id and e.at >= ($1::date + interval '1 month') at time zone 'UTC'
                         and e.type in ('updated', 'restored') and e.payload -> 'changes' -> 'tags' is not null
                       order by e.at, e.id limit 1) later on true
    cross join lateral (select substr(t.tag, 8) as tenant_id
                        from unnest(case when jsonb_typeof(later.tags) = 'array' then array(select jsonb_array_elements_text(later.tags)) else r.tags end)
                             with ordinality t(tag, n)
                        where left(t.tag, 7) = 'tenant:' and length(t.tag) > 7 order by t.n limit 1) tag
    where r.id in (select resource_id from per_resource)),
  lines as (
    select o.tenant_id, p.kind, sum(p.cents) as cents, count(distinct p.resource_id) as resources, min(o.first_at) as first_at
    from per_resource p left join owners o on o.resource_id = p.resource_id
    group by 1, 2),
  cogs as (
    select tenant_id, round(sum(cents) * 1.5312) as cents, jsonb_object_agg(kind, round(cents * 1.5312)) as by_kind,
           max(resources) as resources, min(first_at) as since
    from lines group by 1),
  revenue as (
    select s.tenant_id, sum(round(v.base_price_cents * (least(coalesce(s.ended_at::date, $1::date + interval '1 month')::date, ($1::date + interval '1 month')::date)
                                 - greatest(s.started_at::date, $1::date))::numeric / 30)) as cents
    from subscriptions s join plan_versions v on v.id = s.plan_version_id
    where s.started_at < $1::date + interval '1 month' and (s.ended_at is null or s.ended_at >= $1::date)
      and (select c.status from subscription_status_changes c where c.subscription_id = s.id and c.effective_at < $1::date + interval '1 month'
           order by c.effective_at desc limit 1) in ('active', 'canceled')
    group by 1),
  used as (
    select tenant_id, jsonb_object_agg(resource_kind, quantity) as usage
    from (select tenant_id, resource_kind, sum(quantity) as quantity from usage_records where period = $1 group by 1, 2) u
    group by 1)
  select coalesce(t.id, c.tenant_id) as tenant_id, t.name, coalesce(rv.cents, 0) as revenue, coalesce(c.cents, 0) as cogs, c.by_kind,
         c.resources, case when rv.tenant_id is null then c.since end as unbilled_since, u.usage
  from tenants t
  full join cogs c on c.tenant_id = t.id
  left join revenue rv on rv.tenant_id = t.id
  left join used u on u.tenant_id = t.id`;

/** Only each tenant's COGS total, no kinds, revenue or usage: a floor, printed for context. */
const totalsOnly = `
  select tn.id as tenant_id, sum(l.amount_cents) as cents
  from cloud_cost_lines l
  left join cloud_resources r on r.id = l.resource_id
  left join lateral (select substr(t.tag, 8) as tenant_id from unnest(r.tags) with ordinality t(tag, n)
                     where left(t.tag, 7) = 'tenant:' order by t.n limit 1) tag on true
  left join tenants tn on tn.id = tag.tenant_id
  where l.period = $1 and l.line_type <> 'tax'
  group by 1`;

export const marginApiBench: Bench = {
  name: "margin-api",
  description: `GET /api/v1/billing/margin?group_by=tenant for one month: ${tenants.toLocaleString("en")} tenants and ${ghosts} unbilled ones, ${resources.toLocaleString("en")} resources, ${lines.toLocaleString("en")} cost lines (≤ 3× one hand-written SQL aggregate)`,
  async run() {
    await ensureBuild();
    const t = await createBenchDb();
    try {
      await seedMarginBench(t.db);
      const headers = { authorization: `Bearer ${benchAdminToken()}` };
      const server = await startServer(t.url!, 3908);
      let items = 0;
      const call = async () => {
        const res = await httpGet(`${server.url}/api/v1/billing/margin?from=2026-04&to=2026-04&group_by=tenant`, headers);
        if (res.status !== 200) throw new Error(`status ${res.status}: ${res.body.slice(0, 200)}`);
        items = (JSON.parse(res.body) as { data: unknown[] }).data.length;
      };
      await measureConcurrent(call, 5, 1); // warm-up: JIT, pool, plan cache
      const api = await measureConcurrent(call, runs, 1);
      await server.stop();
      if (items !== tenants + ghosts + 1) throw new Error(`expected ${tenants + ghosts + 1} items (tenants, unbilled tenants and the shared row), got ${items}`);

      const client = postgres(t.url!, { max: 1, onnotice: () => {} });
      const direct = () => client.unsafe(handWritten, [period], { prepare: true });
      await measureConcurrent(direct, 5, 1);
      const sqlTimes = await measureConcurrent(direct, runs, 1);
      const floor = () => client.unsafe(totalsOnly, [period], { prepare: true });
      await measureConcurrent(floor, 5, 1);
      const floorTimes = await measureConcurrent(floor, runs, 1);
      await client.end();

      const apiP50 = percentile(api, 50);
      const sqlP50 = percentile(sqlTimes, 50);
      const ratio = apiP50 / sqlP50;
      figure("items per response", items);
      figure("median via next start", apiP50, "ms");
      figure("p95 via next start", percentile(api, 95), "ms");
      figure("median hand-written SQL via postgres.js", sqlP50, "ms");
      figure("ratio API / SQL (target ≤ 3)", ratio);
      figure("median SQL of COGS totals only", percentile(floorTimes, 50), "ms");
      figure("ratio API / totals only (context)", apiP50 / percentile(floorTimes, 50));
      return { ok: ratio <= 3 };
    } finally {
      await t.drop();
    }
  },
};
