import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { cloudResources } from "@/db/schema";
import { bandwidthPacing, listBandwidthWork, meterBandwidthPaced, type PacingClock } from "@/lib/billing/meter-bandwidth";
import { createDoClient } from "@/lib/digitalocean/client";
import { startFakeDo } from "@/test/fake-do";
import { type Bench, figure } from "./bench";
import { createBenchDb } from "./support";

const droplets = 10_000;
/** DO's limits per token (its API docs): a sliding minute and a sliding hour. */
const doLimits = { perMinute: 250, perHour: 5_000 };
const path = "/v2/monitoring/metrics/droplet/bandwidth";

/** The most arrivals in any window of `spanMs` (times sorted). */
function busiestWindow(times: readonly number[], spanMs: number): number {
  let most = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= spanMs) lo++;
    most = Math.max(most, hi - lo + 1);
  }
  return most;
}

/**
 * One day of bandwidth for 10,000 tenant droplets against the fake DO, which enforces DO's limits (250 a minute,
 * 5,000 an hour, sliding) on a simulated clock that the metering's pacing also sleeps on: hours of pacing take
 * seconds, and every request is counted where it arrives. The pacing is the in-process twin of the Inngest throttle on
 * meter-bandwidth (runs of 50, one a minute), so its figures are the throttled queue's too.
 */
export const meterBandwidthBench: Bench = {
  name: "meter-bandwidth",
  description: `a day of bandwidth for ${droplets.toLocaleString("en")} droplets: one request each, no 429, ≤ 250/min and ≤ 5,000/h at DO (sliding windows)`,
  async run() {
    const now = new Date("2026-11-02T06:00:00Z");
    let virtual = now.getTime();
    const clock: PacingClock = {
      now: () => virtual,
      sleep: async (ms) => {
        virtual += ms;
      },
    };
    const fake = await startFakeDo({ seed: 41, droplets, volumes: 0, snapshots: 0, now, clock: () => virtual, enforceRateLimit: true });
    const t = await createBenchDb();
    try {
      // Every droplet a tenant's (500 tenants), as the inventory sync would have recorded it.
      const rows = fake.account.droplets.map((d, i) => ({
        kind: "droplet" as const,
        providerId: String(d.id),
        name: d.name,
        tags: [`tenant:t-${i % 500}`],
        providerCreatedAt: new Date(d.created_at),
      }));
      for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(cloudResources).values(rows.slice(i, i + 1_000));

      const items = (await listBandwidthWork(t.db, "2026-11-01", "tenant:", now)).filter((i) => i.day === "2026-11-01");
      const client = createDoClient({ token: "bench", baseUrl: fake.url });
      const started = performance.now();
      const result = await meterBandwidthPaced(t.db, client, items, { clock });
      const wallMs = performance.now() - started;

      const asked = fake.requests.filter((r) => r.path === path);
      const times = asked.map((r) => r.at).sort((a, b) => a - b);
      const limited = asked.filter((r) => r.status === 429).length;
      const [stored] = rowsOf<{ n: number; gb: number }>(
        await t.db.execute(sql`select count(*)::int as n, coalesce(sum(value), 0)::float8 / 1073741824 as gb from resource_usage_samples where day = '2026-11-01'`),
      );
      const perMinute = busiestWindow(times, 60_000);
      const perHour = busiestWindow(times, 3_600_000);
      const simulatedMin = (times.at(-1)! - times[0]!) / 60_000;

      figure("droplets alive on 2026-11-01 (droplet-days)", items.length);
      figure("bandwidth requests at DO / 429 answers", `${asked.length} / ${limited}`);
      figure(`busiest minute (DO allows ${doLimits.perMinute}; our share ${bandwidthPacing.requestsPerRun})`, perMinute, "requests");
      figure(`busiest hour (DO allows ${doLimits.perHour.toLocaleString("en")})`, perHour, "requests");
      figure("simulated duration, first to last request", `${Math.floor(simulatedMin / 60)} h ${Math.round(simulatedMin % 60)} min`);
      figure("wall time of the run", wallMs / 1000, "s");
      figure("samples stored / total public outbound", `${stored?.n} / ${stored?.gb.toFixed(1)} GB`);
      figure("failed droplet-days", result.failed);
      return {
        ok:
          asked.length === items.length &&
          items.length >= droplets * 0.9 &&
          limited === 0 &&
          perMinute <= doLimits.perMinute &&
          perHour <= doLimits.perHour &&
          result.sampled === items.length &&
          stored?.n === items.length,
      };
    } finally {
      await fake.close();
      await t.drop();
    }
  },
};
