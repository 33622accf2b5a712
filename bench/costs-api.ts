import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { costLinesPageSql } from "@/lib/costs/list-cost-lines";
import { costLinesQuery } from "@/lib/costs/schemas";
import { type Bench, figure } from "./bench";
import { alternatingP95, benchAdminToken, createBenchDb, ensureBuild, httpGet, httpRounds, startServer, taskRounds } from "./support";

const periods = 10;
const linesPerPeriod = 100_000;
const concurrency = 32;
const rounds = 12;
const requestsPerRound = 1000;
const periodOf = (i: number) => `2026-${String((i % periods) + 1).padStart(2, "0")}-01`;

/** Ten monthly invoices of 100,000 lines each, inserted set-based: a million cost lines. */
async function seed(db: Awaited<ReturnType<typeof createBenchDb>>["db"]) {
  await db.execute(sql`
    insert into cloud_invoices (invoice_uuid, period, amount_cents, status, line_count)
    select 'bench-' || m, make_date(2026, m, 1), 0, 'ingested', ${linesPerPeriod} from generate_series(1, ${periods}) as m`);
  await db.execute(sql`
    insert into cloud_cost_lines (invoice_id, period, line_no, product, description, hours, start_at, end_at, amount_cents,
      project_name, category, line_type, kind, name, size_label)
    select i.id, i.period, n + 1, 'Droplets', 'bench-vm-' || lpad((n % 20000)::text, 6, '0') || ' (s-1vcpu-1gb)', 720,
      i.period, i.period + interval '1 month' - interval '1 second', 600 + n % 4000, 'project-' || (n % 20), 'iaas',
      'resource', (array['droplet','volume','snapshot','load_balancer'])[1 + n % 4], 'bench-vm-' || lpad((n % 20000)::text, 6, '0'),
      's-1vcpu-1gb'
    from cloud_invoices i, generate_series(1, ${linesPerPeriod}) as n
    order by i.period, n`);
  await db.execute(sql`vacuum analyze cloud_cost_lines`);
}

/**
 * GET /api/v1/billing/cost-lines?period=…&limit=100 through `next start` of the production build, against the same SQL
 * run straight through postgres.js, both at 32 concurrent connections, over a million lines.
 */
export const costsApiBench: Bench = {
  name: "costs-api",
  description: `GET /api/v1/billing/cost-lines?period=…&limit=100 over ${(periods * linesPerPeriod).toLocaleString("en")} lines, ${concurrency} connections (p95 ≤ 3× direct SQL)`,
  async run() {
    await ensureBuild();
    const t = await createBenchDb();
    try {
      await seed(t.db);
      const headers = { authorization: `Bearer ${benchAdminToken()}` };
      let i = 0;
      const server = await startServer(t.url!, 3903, { LOG_LEVEL: "info" });
      const path = () => `/api/v1/billing/cost-lines?period=${periodOf(i++)}&limit=100`;
      // Check a page first; under load only the status is checked (parsing every body would load the client, which
      // shares the cores with the server).
      const page = await httpGet(`${server.url}${path()}`, headers);
      const lines = page.status === 200 ? (JSON.parse(page.body) as { data: unknown[] }).data.length : -1;
      if (lines !== 100) throw new Error(`expected a page of 100 lines, got status ${page.status}: ${page.body.slice(0, 200)}`);

      // The SQL listCostLines issues for this request, rendered by the same code and sent the way drizzle sends it
      // (an unnamed statement, planned per call), run directly.
      const client = postgres(t.url!, { max: concurrency, onnotice: () => {} });
      const rendered = new PgDialect().sqlToQuery(costLinesPageSql(costLinesQuery.parse({ period: periodOf(0), limit: "100" })));
      const periodParam = rendered.params.indexOf(periodOf(0));
      if (periodParam < 0) throw new Error("the rendered query has no period parameter");
      const params = () => rendered.params.map((p, n) => (n === periodParam ? periodOf(i++) : p)) as postgres.ParameterOrJSON<never>[];
      const direct = () => client.unsafe(rendered.sql, params());

      // The two take turns (see alternatingP95), so a change in the machine's load hits both alike.
      const p95 = await alternatingP95(
        { api: httpRounds(server.url, path, headers), sql: taskRounds(direct) },
        { rounds, requests: requestsPerRound, concurrency },
      );
      await server.stop();
      await client.end();
      const apiP95 = p95.api!;
      const sqlP95 = p95.sql!;

      const ratio = apiP95 / sqlP95;
      figure("p95 via next start", apiP95, "ms");
      figure("p95 same SQL via postgres.js", sqlP95, "ms");
      figure("ratio API / SQL (target ≤ 3)", ratio);
      return { ok: ratio <= 3 };
    } finally {
      await t.drop();
    }
  },
};
