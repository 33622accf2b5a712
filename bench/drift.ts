import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cloudProvisioned, cloudResources } from "@/db/schema";
import { type DetectSummary, detectAll } from "@/lib/drift/detect-all";
import { type Bench, figure } from "./bench";
import { createBenchDb } from "./support";

const resources = 50_000;
const driftEvery = 100; // 1% drifting

/**
 * 50,000 droplets with DO-shaped attrs (~1.5 kB each) and a 5-field spec each: two columns, a list (tags, stored in
 * another order) and two dotted paths into attrs, one of them a number stored as text. Every 100th spec has a wrong
 * size slug.
 */
async function seed(db: Db): Promise<void> {
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, region, size_slug, status, tags, monthly_price_cents, attrs)
    select 'droplet', 'd-' || i, 'bench-vm-' || lpad(i::text, 6, '0'), (array['syd1', 'sgp1', 'nyc3', 'lon1', 'fra1'])[1 + i % 5],
      (array['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb', 's-4vcpu-8gb'])[1 + i % 4], 'active',
      array['arcadia', 'env:prod', 'role:' || (array['web', 'api', 'worker', 'cache'])[1 + i % 4], 'tenant:t' || (i % 200)],
      1200,
      jsonb_build_object(
        'id', i, 'name', 'bench-vm-' || lpad(i::text, 6, '0'), 'memory', 2048, 'vcpus', 1 + i % 4, 'disk', 50, 'locked', false,
        'status', 'active', 'created_at', '2025-01-01T00:00:00Z', 'vpc_uuid', md5(i::text),
        'size', jsonb_build_object('slug', (array['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb', 's-4vcpu-8gb'])[1 + i % 4],
          'vcpus', 1 + i % 4, 'memory', 2048, 'disk', 50, 'transfer', 2, 'price_monthly', 12, 'price_hourly', 0.01786,
          'regions', jsonb_build_array('syd1', 'sgp1', 'nyc3', 'lon1', 'fra1'), 'available', true, 'description', 'Basic'),
        'image', jsonb_build_object('id', 1000 + i % 10, 'slug', 'ubuntu-24-04-x64', 'distribution', 'Ubuntu',
          'name', '24.04 (LTS) x64', 'public', true, 'min_disk_size', 7, 'type', 'base'),
        'region', jsonb_build_object('slug', (array['syd1', 'sgp1', 'nyc3', 'lon1', 'fra1'])[1 + i % 5], 'name', 'Region',
          'available', true, 'features', jsonb_build_array('backups', 'ipv6', 'metadata', 'install_agent', 'storage')),
        'networks', jsonb_build_object('v4', jsonb_build_array(
          jsonb_build_object('ip_address', '10.10.' || (i / 250) || '.' || (i % 250), 'type', 'private', 'netmask', '255.255.0.0', 'gateway', '10.10.0.1'),
          jsonb_build_object('ip_address', '170.64.' || (i / 250) || '.' || (i % 250), 'type', 'public', 'netmask', '255.255.240.0', 'gateway', '170.64.0.1'))),
        'features', jsonb_build_array('monitoring', 'droplet_agent', 'private_networking'),
        'volume_ids', '[]'::jsonb, 'backup_ids', '[]'::jsonb, 'snapshot_ids', '[]'::jsonb, 'tags', jsonb_build_array('arcadia', 'env:prod'))
    from generate_series(1, ${resources}) as i`);
  await db.execute(sql`
    insert into cloud_provisioned (resource_id, spec, recorded_by, recorded_via)
    select id, jsonb_build_object(
        'size_slug', case when rn % ${driftEvery} = 0 then 's-8vcpu-16gb' else size_slug end,
        'region', region,
        'tags', to_jsonb(array(select t from unnest(tags) as t order by t desc)),
        'size.vcpus', attrs -> 'size' ->> 'vcpus',
        'image.slug', attrs -> 'image' -> 'slug'),
      'bench', 'api'
    from (select *, row_number() over (order by provider_id) as rn from cloud_resources) as r`);
  await db.execute(sql`analyze cloud_resources`);
  await db.execute(sql`analyze cloud_provisioned`);
}

/** The yardstick: one query joining specs to resources, returning the same rows through the same client. */
async function joinOnce(db: Db): Promise<number> {
  const rows = await db
    .select({ resourceId: cloudProvisioned.resourceId, spec: cloudProvisioned.spec, specVersion: cloudProvisioned.specVersion, resource: cloudResources })
    .from(cloudProvisioned)
    .innerJoin(cloudResources, eq(cloudResources.id, cloudProvisioned.resourceId));
  return rows.length;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Everything a sweep can write, fingerprinted: equal fingerprints mean no row was inserted, updated or closed. */
async function fingerprint(db: Db): Promise<string> {
  const [row] = rowsOf<{ f: string }>(
    await db.execute(sql`select (select count(*) from cloud_drift) || ':' || (select count(*) from cloud_resource_events) || ':' ||
      coalesce((select md5(string_agg(d::text, ',' order by d.id)) from cloud_drift d), '') as f`),
  );
  return row!.f;
}

export const driftBench: Bench = {
  name: "drift",
  description: "drift sweep over 50k provisioned resources × 5 fields, 1% drifting (≤ 2× one join query; an unchanged rerun writes nothing)",
  async run() {
    const t = await createBenchDb();
    try {
      await seed(t.db);
      await joinOnce(t.db); // warm the cache and the client

      // Rounds interleave the yardstick with the sweeps, so load from anything else on the machine hits both alike.
      const joins: number[] = [];
      const sweeps: { ms: number; value: DetectSummary }[] = [];
      const reruns: { ms: number; value: DetectSummary }[] = [];
      let isUnchanged = true;
      for (let round = 0; round < 3; round++) {
        joins.push((await timed(() => joinOnce(t.db))).ms);
        await t.db.execute(sql`delete from cloud_resource_events where type = 'drift_detected'`);
        await t.db.execute(sql`delete from cloud_drift`);
        sweeps.push(await timed(() => detectAll(t.db))); // a first sweep: 1% of specs drift
        joins.push((await timed(() => joinOnce(t.db))).ms);
        const before = await fingerprint(t.db);
        reruns.push(await timed(() => detectAll(t.db))); // nothing changed since
        isUnchanged &&= before === (await fingerprint(t.db));
      }
      const first = sweeps.at(-1)!.value;
      const rerunWrites = reruns.reduce((n, r) => n + r.value.writes, 0);

      const joinMs = median(joins);
      const sweepMs = median(sweeps.map((s) => s.ms));
      const rerunMs = median(reruns.map((s) => s.ms));
      figure("provisioned resources × spec fields", `${first.resources.toLocaleString("en")} × 5 = ${first.fields.toLocaleString("en")}`);
      figure("drift opened by the first sweep", first.opened);
      figure("one join query, same rows (median of 6)", joinMs, "ms");
      figure("first sweep (median of 3)", sweepMs, "ms");
      figure("ratio first sweep / join", sweepMs / joinMs, "×");
      figure("unchanged rerun (median of 3)", rerunMs, "ms");
      figure("ratio rerun / join", rerunMs / joinMs, "×");
      figure("rerun write statements (3 reruns)", rerunWrites);
      figure("rerun rows changed", isUnchanged ? 0 : "some (fingerprint differs)");
      const isCorrect = first.opened === resources / driftEvery && first.open === resources / driftEvery;
      return { ok: isCorrect && sweepMs <= 2 * joinMs && rerunMs <= 2 * joinMs && rerunWrites === 0 && isUnchanged };
    } finally {
      await t.drop();
    }
  },
};
