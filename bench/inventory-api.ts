import postgres from "postgres";
import { sql } from "drizzle-orm";
import { type Bench, figure, percentile } from "./bench";
import { benchAdminToken, createBenchDb, ensureBuild, measureConcurrent, startServer } from "./support";

const resources = 100_000;
const concurrency = 32;
const requests = 3_000;

/** 100k resources across kinds, regions and tags, inserted set-based. */
async function seed(db: Awaited<ReturnType<typeof createBenchDb>>["db"]) {
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, region, size_slug, status, tags, attrs)
    select (array['droplet','volume','snapshot','domain','load_balancer','database','kubernetes_cluster','reserved_ip','app'])[1 + i % 9],
           'p-' || i, 'res-' || lpad(i::text, 6, '0'), (array['syd1','sgp1','nyc3'])[1 + i % 3], 's-1vcpu-1gb',
           (array['active','off'])[1 + i % 2], array['tenant:t' || (i % 500)], jsonb_build_object('i', i)
    from generate_series(1, ${resources}) as i`);
  await db.execute(sql`analyze cloud_resources`);
}

/**
 * GET /api/v1/inventory?limit=100 through `next start` vs the same SQL straight through postgres.js, both at 32
 * concurrent connections; and the same request with logging and metrics off, to price them (issue 9: ≤ 5%).
 */
export const inventoryApiBench: Bench = {
  name: "inventory-api",
  description: `GET /api/v1/inventory?limit=100 on ${resources.toLocaleString("en")} resources, ${concurrency} connections (p95 ≤ 3× direct SQL; observability ≤ 5%)`,
  async run() {
    await ensureBuild();
    const t = await createBenchDb();
    try {
      await seed(t.db);
      const token = benchAdminToken();
      const p95Of = async (url: string) => {
        const call = async () => {
          const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          await res.arrayBuffer();
        };
        await measureConcurrent(call, 300, concurrency); // warm-up: JIT, pool, plan cache
        return percentile(await measureConcurrent(call, requests, concurrency), 95);
      };

      const on = await startServer(t.url!, 3901);
      const apiP95 = await p95Of(`${on.url}/api/v1/inventory?limit=100`);
      await on.stop();
      const off = await startServer(t.url!, 3902, { LOG_LEVEL: "silent", METRICS_ENABLED: "0" });
      const bareP95 = await p95Of(`${off.url}/api/v1/inventory?limit=100`);
      await off.stop();

      // The SQL listResources issues for this request, run directly.
      const client = postgres(t.url!, { max: concurrency, onnotice: () => {} });
      const query = `select id, kind, provider_id, name, region, size_slug, status, tags, monthly_price_cents, provider_created_at,
        first_seen_at, last_seen_at, deleted_at, updated_at
        from cloud_resources where deleted_at is null order by name asc, id asc limit 101`;
      await measureConcurrent(() => client.unsafe(query), 300, concurrency);
      const sqlP95 = percentile(await measureConcurrent(() => client.unsafe(query), requests, concurrency), 95);
      await client.end();

      const ratio = apiP95 / sqlP95;
      const overhead = (apiP95 - bareP95) / bareP95;
      figure("p95 via next start (logs + metrics on)", apiP95, "ms");
      figure("p95 via next start (logs + metrics off)", bareP95, "ms");
      figure("p95 same SQL via postgres.js", sqlP95, "ms");
      figure("ratio API / SQL (target ≤ 3)", ratio);
      figure("logging + metrics overhead (target ≤ 5%)", `${(overhead * 100).toFixed(1)} %`);
      return { ok: ratio <= 3 && overhead <= 0.05 };
    } finally {
      await t.drop();
    }
  },
};
