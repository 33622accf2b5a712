import { sql } from "drizzle-orm";
import postgres from "postgres";
import { resourcePageSql } from "@/lib/inventory/list-resources";
import { listResourcesQuery } from "@/lib/inventory/schemas";
import { type Bench, figure } from "./bench";
import { alternatingP95, benchAdminToken, createBenchDb, ensureBuild, httpRounds, startServer, taskRounds } from "./support";

const resources = 100_000;
const concurrency = 32;
const rounds = 12;
const requestsPerRound = 1000;

/** 100k resources across kinds, regions and tags, inserted set-based. */
async function seed(db: Awaited<ReturnType<typeof createBenchDb>>["db"]) {
  await db.execute(sql`
    insert into cloud_resources (kind, provider_id, name, region, size_slug, status, tags, monthly_price_cents, provider_created_at, attrs)
    select (array['droplet','volume','snapshot','domain','load_balancer','database','kubernetes_cluster','reserved_ip','app'])[1 + i % 9],
           'p-' || i, 'res-' || lpad(i::text, 6, '0'), (array['syd1','sgp1','nyc3'])[1 + i % 3], 's-1vcpu-1gb',
           (array['active','off'])[1 + i % 2], array['tenant:t' || (i % 500), 'web'], 600 + i % 4000,
           now() - (i || ' minutes')::interval, jsonb_build_object('i', i)
    from generate_series(1, ${resources}) as i`);
  await db.execute(sql`vacuum analyze cloud_resources`);
}

/**
 * GET /api/v1/inventory?limit=100 through `next start` (load by autocannon) vs the SQL that request runs, straight
 * through postgres.js, all at 32 concurrent connections; plus the same request with logging and metrics off, to price them (issue 9: ≤ 5%).
 * The three take turns for six rounds and each reports the p95 of all its requests, so a change in machine load hits
 * all alike.
 */
export const inventoryApiBench: Bench = {
  name: "inventory-api",
  description: `GET /api/v1/inventory?limit=100 on ${resources.toLocaleString("en")} resources, ${concurrency} connections (p95 ≤ 3× direct SQL; observability ≤ 5%)`,
  async run() {
    await ensureBuild();
    const t = await createBenchDb();
    const client = postgres(t.url!, { max: concurrency, onnotice: () => {} });
    const servers: Awaited<ReturnType<typeof startServer>>[] = [];
    try {
      await seed(t.db);
      const headers = { authorization: `Bearer ${benchAdminToken()}` };
      const on = await startServer(t.url!, 3901, { LOG_LEVEL: "info" });
      servers.push(on);
      const off = await startServer(t.url!, 3902, { LOG_LEVEL: "silent", METRICS_ENABLED: "0" });
      servers.push(off);
      // Another checkout's build (e.g. the revision before a change) served alongside, to price what the change added.
      const baselineDir = process.env.BENCH_BASELINE_DIR;
      const baseline = baselineDir ? await startServer(t.url!, 3903, { LOG_LEVEL: "info" }, baselineDir) : undefined;
      if (baseline) servers.push(baseline);
      // The very SQL the handler runs for this request, rendered by the same code and sent the way drizzle sends it.
      const rendered = resourcePageSql(t.db, listResourcesQuery.parse({ limit: "100" }));
      const direct = () => client.unsafe(rendered.sql, rendered.params as postgres.ParameterOrJSON<never>[]);

      const p95 = await alternatingP95(
        {
          api: httpRounds(on.url, "/api/v1/inventory?limit=100", headers),
          bare: httpRounds(off.url, "/api/v1/inventory?limit=100", headers),
          sql: taskRounds(direct),
          ...(baseline ? { baseline: httpRounds(baseline.url, "/api/v1/inventory?limit=100", headers) } : {}),
        },
        { rounds, requests: requestsPerRound, concurrency },
      );
      const ratio = p95.api! / p95.sql!;
      const overhead = (p95.api! - p95.bare!) / p95.bare!;
      figure("p95 via next start (logs + metrics on)", p95.api!, "ms");
      figure("p95 via next start (logs + metrics off)", p95.bare!, "ms");
      figure("p95 same SQL via postgres.js", p95.sql!, "ms");
      figure("ratio API / SQL (target ≤ 3)", ratio);
      figure("logging + metrics overhead (target ≤ 5%)", `${(overhead * 100).toFixed(1)} %`);
      let vsBaseline = 0;
      if (baseline) {
        vsBaseline = (p95.api! - p95.baseline!) / p95.baseline!;
        figure(`p95 of the build in ${baselineDir}`, p95.baseline!, "ms");
        figure("request-path overhead vs that build (target ≤ 3%)", `${(vsBaseline * 100).toFixed(1)} %`);
      } else {
        figure("request-path overhead vs a baseline build", "set BENCH_BASELINE_DIR to a built checkout to measure");
      }
      return { ok: ratio <= 3 && overhead <= 0.05 && vsBaseline <= 0.03 };
    } finally {
      for (const s of servers) await s.stop();
      await client.end();
      await t.drop();
    }
  },
};
