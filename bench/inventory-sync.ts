import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { startFakeDo } from "@/test/fake-do";
import { type Bench, figure } from "./bench";
import { createBenchDb, postgresCpuMs } from "./support";

const sizes = { droplets: 10_000, volumes: 5_000, snapshots: 5_000 };

type ChildResult = { ms: number; maxRssMb: number; cpuMs: number; counts: Record<string, number> };

function child(mode: "sync" | "fetch", baseUrl: string, databaseUrl = ""): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn("npx", ["tsx", "--conditions", "react-server", "bench/sync-child.ts", mode, baseUrl, databaseUrl], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`sync child exited ${code}`))));
  });
}

/**
 * Full sync of 10k droplets, 5k volumes and 5k snapshots from the fake DO server (in this process; the sync runs in a
 * child so its RSS is its own): requests per kind, sync time against fetch-and-parse time, a second sync's writes.
 */
export const inventorySyncBench: Bench = {
  name: "inventory-sync",
  description: "full sync of 10k droplets + 5k volumes + 5k snapshots (requests = ⌈n/200⌉, time ≤ 1.5× fetch+parse, RSS < 400 MB, rerun writes nothing)",
  async run() {
    const fake = await startFakeDo({ seed: 11, now: new Date("2026-11-01T00:00:00Z"), ...sizes });
    const t = await createBenchDb();
    try {
      const listed = { droplets: fake.account.droplets.length, volumes: fake.account.volumes.length, snapshots: fake.account.snapshots.length };
      const fetch0 = process.cpuUsage();
      const fetchOnly = await child("fetch", fake.url);
      const fetchFakeCpu = process.cpuUsage(fetch0);
      fake.requests.length = 0;
      const [pg0, fake0] = [postgresCpuMs(), process.cpuUsage()];
      const first = await child("sync", fake.url, t.url);
      const [pgMs, fakeCpu] = [postgresCpuMs() - pg0, process.cpuUsage(fake0)];
      const requestsFor = (p: string) => fake.requests.filter((r) => r.path === p).length;
      const reqs = { droplets: requestsFor("/v2/droplets"), volumes: requestsFor("/v2/volumes"), snapshots: requestsFor("/v2/snapshots") };
      const expected = Object.fromEntries(Object.entries(listed).map(([k, n]) => [k, Math.ceil(n / 200)]));

      const countRows = async () => {
        const r = rowsOf<{ n: number; e: number; w: string }>(
          await t.db.execute(sql`select (select count(*)::int from cloud_resources) as n, (select count(*)::int from cloud_resource_events) as e,
            (select coalesce(max(updated_at), 'epoch')::text from cloud_resources) as w`),
        );
        return r[0]!;
      };
      const before = await countRows();
      const second = await child("sync", fake.url, t.url);
      const after = await countRows();
      const rowsWritten = (second.counts.created ?? 0) + (second.counts.updated ?? 0) + (second.counts.deleted ?? 0) + (second.counts.restored ?? 0);

      for (const k of Object.keys(listed) as (keyof typeof listed)[]) {
        figure(`${k}: listed / requests (expected ⌈n/200⌉)`, `${listed[k]} / ${reqs[k]} (${expected[k]})`);
      }
      const ratio = first.ms / fetchOnly.ms;
      figure("fetch + parse only", fetchOnly.ms / 1000, "s");
      figure("full sync, first run", first.ms / 1000, "s");
      figure("ratio (target ≤ 1.5)", ratio);
      figure("rows created by first run", first.counts.created ?? 0);
      // Where the first run's time went: on two cores, these three share the machine.
      figure("CPU of fetch + parse only: client / fake DO", `${(fetchOnly.cpuMs / 1000).toFixed(2)} / ${((fetchFakeCpu.user + fetchFakeCpu.system) / 1e6).toFixed(2)}`, "s");
      figure("CPU of the first run: sync / PostgreSQL / fake DO", `${(first.cpuMs / 1000).toFixed(2)} / ${(pgMs / 1000).toFixed(2)} / ${((fakeCpu.user + fakeCpu.system) / 1e6).toFixed(2)}`, "s");
      figure("peak RSS of the sync process (target < 400)", first.maxRssMb, "MB");
      figure("second run: rows written / new events", `${rowsWritten} / ${after.e - before.e}`);
      figure("second run time", second.ms / 1000, "s");
      const requestsOk = Object.keys(listed).every((k) => reqs[k as keyof typeof reqs] === expected[k]);
      return { ok: requestsOk && ratio <= 1.5 && first.maxRssMb < 400 && rowsWritten === 0 && after.e === before.e && after.w === before.w };
    } finally {
      await fake.close();
      await t.drop();
    }
  },
};
