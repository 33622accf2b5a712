import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { addMonths } from "@/lib/billing/month";
import { costGroupsSql } from "@/lib/costs/cost-groups-sql";
import { anomalyWindowMonths } from "@/lib/costs/detect-cost-anomaly";
import { type Bench, figure } from "./bench";
import { alternatingP95, benchAdminToken, createBenchDb, ensureBuild, httpGet, httpRounds, startServer, taskRounds } from "./support";

const months = 12;
const linesPerMonth = Math.ceil(1_000_000 / months);
const projects = 20;
// An aggregate reads every line of the range: a few in flight fill the two cores, and each call takes a while.
const concurrency = 2;
const rounds = 8;
const requestsPerRound = 10;
const warmup = 4;
const path = `/api/v1/billing/costs?from=2026-01&to=2026-12&group_by=project&group_by2=kind`;

/** Twelve monthly invoices of ~83,000 lines each (a million), over 20 projects and four kinds, 1 line in 499 a tax. */
async function seed(db: Awaited<ReturnType<typeof createBenchDb>>["db"]) {
  await db.execute(sql`
    insert into cloud_invoices (invoice_uuid, period, amount_cents, status, line_count)
    select 'bench-' || m, make_date(2026, m, 1), 0, 'ingested', ${linesPerMonth} from generate_series(1, ${months}) as m`);
  await db.execute(sql`
    insert into cloud_cost_lines (invoice_id, period, line_no, product, description, amount_cents, project_name, category,
      line_type, kind, name)
    select i.id, i.period, n + 1, case when n % 499 = 0 then 'Taxes' else 'Droplets' end, 'bench-vm-' || (n % 20000),
      600 + (n * 7 + extract(month from i.period)::int * 131) % 4000, 'project-' || (n % ${projects}), 'iaas',
      case when n % 499 = 0 then 'tax' else 'resource' end,
      case when n % 499 = 0 then null else (array['droplet','volume','snapshot','load_balancer'])[1 + (n / ${projects}) % 4] end,
      'bench-vm-' || (n % 20000)
    from cloud_invoices i, generate_series(1, ${linesPerMonth}) as n
    order by i.period, n`);
  await db.execute(sql`vacuum analyze cloud_cost_lines`);
}

/**
 * GET /api/v1/billing/costs grouped by project and kind over twelve months of a million lines, through `next start` of
 * the production build, against the aggregate SQL the handler issues (rendered by the same code) run directly.
 */
export const costsGroupedBench: Bench = {
  name: "costs-grouped",
  description: `GET /api/v1/billing/costs?group_by=project&group_by2=kind over ${months} months of ${(months * linesPerMonth).toLocaleString("en")} lines, ${concurrency} connections (p95 ≤ 2× direct SQL)`,
  async run() {
    await ensureBuild();
    const t = await createBenchDb();
    try {
      await seed(t.db);
      const headers = { authorization: `Bearer ${benchAdminToken()}` };
      const server = await startServer(t.url!, 3905, { LOG_LEVEL: "info" });
      const first = await httpGet(`${server.url}${path}`, headers);
      const items = first.status === 200 ? (JSON.parse(first.body) as { data: unknown[] }).data.length : -1;
      // 20 projects × 4 kinds × 12 months, and the taxes (no kind) of each project and month.
      if (items !== projects * 5 * months) throw new Error(`expected ${projects * 5 * months} items, got status ${first.status}: ${first.body.slice(0, 200)}`);

      // The statement aggregateCosts sends for this request (three months of history before the range included),
      // sent the way drizzle sends it: an unnamed statement, planned per call.
      const client = postgres(t.url!, { max: concurrency, onnotice: () => {} });
      const rendered = new PgDialect().sqlToQuery(
        costGroupsSql({ from: addMonths("2026-01-01", -anomalyWindowMonths), to: "2026-12-01", groupBy: "project", groupBy2: "kind", tagPrefix: "tenant:" }),
      );
      const direct = () => client.unsafe(rendered.sql, rendered.params as postgres.ParameterOrJSON<never>[]);

      const started = performance.now();
      await direct();
      figure("one aggregate, direct", performance.now() - started, "ms");

      const p95 = await alternatingP95(
        { api: httpRounds(server.url, path, headers), sql: taskRounds(direct) },
        { rounds, requests: requestsPerRound, concurrency, warmup },
      );
      await server.stop();
      await client.end();
      const ratio = p95.api! / p95.sql!;
      figure("p95 via next start", p95.api!, "ms");
      figure("p95 same SQL via postgres.js", p95.sql!, "ms");
      figure("ratio API / SQL (target ≤ 2)", ratio);
      return { ok: ratio <= 2 };
    } finally {
      await t.drop();
    }
  },
};
