import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { cloudInvoices } from "@/db/schema";
import { type Bench, figure } from "./bench";
import { benchLines, benchResources, seedBenchResources, writeBenchInvoice } from "./costs-fixtures";
import { createBenchDb } from "./support";

const runs = 3;
const maxRssMb = 300;

interface ChildResult {
  ms: number;
  pairMs: number;
  phases: { stage: number; match: number; write: number; announce: number; budgets: number };
  baseRssMb: number;
  maxRssMb: number;
  stats: { lineCount: number; linesTotalCents: number; resourceLineCount: number; matchedByIdCount: number; matchedByNameCount: number };
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn("npx", ["tsx", "--conditions", "react-server", "bench/costs-ingest-child.ts", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    p.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult) : reject(new Error(`ingest child exited ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Ingesting a 100,000-line invoice (parse, validate, replace, match against 20,000 resources) against COPY-ing the
 * same file into a bare table of nine text columns, on the same PostgreSQL server. The ingest runs in a child process
 * so its peak RSS is its own.
 */
export const costsIngestBench: Bench = {
  name: "costs-ingest",
  description: `ingest a ${benchLines.toLocaleString("en")}-line invoice CSV against ${benchResources.toLocaleString("en")} resources (≤ 2× COPY of the file; peak RSS < ${maxRssMb} MB)`,
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), "arcadia-costs-bench-"));
    const t = await createBenchDb();
    try {
      const csvPath = path.join(dir, "invoice.csv");
      const itemsPath = path.join(dir, "items.jsonl");
      const totalCents = await writeBenchInvoice(csvPath, itemsPath);
      await seedBenchResources(t.db);
      const [invoice] = await t.db.insert(cloudInvoices).values({ invoiceUuid: "bench-invoice", period: "2026-04-01", amountCents: totalCents }).returning();
      figure("CSV size", `${(statSync(csvPath).size / 1024 / 1024).toFixed(1)} MB`);

      const client = postgres(t.url!, { max: 1, onnotice: () => {} });
      await client.unsafe(`create table bench_copy (product text, group_description text, description text, hours text, "start" text, "end" text, usd text, project_name text, category text)`);
      // COPY and ingest take turns, so a busy machine slows both alike.
      const copyMs: number[] = [];
      const ingests: ChildResult[] = [];
      for (let i = 0; i < runs; i++) {
        await client.unsafe("truncate bench_copy");
        const started = performance.now();
        await pipeline(createReadStream(csvPath), await client.unsafe(`copy bench_copy from stdin with (format csv, header true, encoding 'utf8')`).writable());
        copyMs.push(performance.now() - started);
        ingests.push(await runChild([t.url!, invoice!.id, csvPath, itemsPath]));
      }
      const [copied] = await client.unsafe<{ n: number }[]>("select count(*)::int as n from bench_copy");
      await client.end();
      if (copied?.n !== benchLines) throw new Error(`COPY loaded ${copied?.n} rows, expected ${benchLines}`);

      const last = ingests.at(-1)!;
      if (last.stats.lineCount !== benchLines || last.stats.linesTotalCents !== totalCents) {
        throw new Error(`ingest stored ${last.stats.lineCount} lines totalling ${last.stats.linesTotalCents}, expected ${benchLines} and ${totalCents}`);
      }

      const ingestMs = median(ingests.map((r) => r.ms));
      const ratio = ingestMs / median(copyMs);
      const rss = Math.max(...ingests.map((r) => r.maxRssMb));
      const matched = last.stats.matchedByIdCount + last.stats.matchedByNameCount;
      figure("COPY into a bare text table: three runs", copyMs.map((ms) => ms.toFixed(0)).join(" / "), "ms");
      figure("COPY (median of 3)", median(copyMs), "ms");
      figure("ingest: first run, then two re-ingests", ingests.map((r) => r.ms.toFixed(0)).join(" / "), "ms");
      figure("ingest (median of 3)", ingestMs, "ms");
      figure("  pairing the JSON items' DO ids", median(ingests.map((r) => r.pairMs)), "ms");
      figure("  parse + validate + stage (overlapped)", median(ingests.map((r) => r.phases.stage)), "ms");
      figure("  match (one UPDATE ... FROM)", median(ingests.map((r) => r.phases.match)), "ms");
      figure("  replace in cloud_cost_lines (5 indexes, 2 FKs)", median(ingests.map((r) => r.phases.write)), "ms");
      figure("  announce the month (anomalies, margin events)", median(ingests.map((r) => r.phases.announce)), "ms");
      figure("  evaluate budgets (the month and this one)", median(ingests.map((r) => r.phases.budgets)), "ms");
      figure("ratio ingest / COPY (target ≤ 2)", ratio);
      figure("peak RSS of the ingest process (target < 300)", rss, "MB");
      figure("  of which node + tsx + modules before ingesting", Math.max(...ingests.map((r) => r.baseRssMb)), "MB");
      figure("resource lines matched", `${matched.toLocaleString("en")} of ${last.stats.resourceLineCount.toLocaleString("en")} (${last.stats.matchedByIdCount.toLocaleString("en")} by id)`);
      return { ok: ratio <= 2 && rss < maxRssMb };
    } finally {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
