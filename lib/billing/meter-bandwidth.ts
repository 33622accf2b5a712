import "server-only";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { resourceUsageSamples } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { DoTokenRejectedError } from "@/lib/digitalocean/errors";
import { bytesPerDay } from "./integrate-bandwidth";
import { loadMeteredResources, tenantOf } from "./load-metered-resources";
import { addMonths, monthStart } from "./month";
import { existenceIntervals } from "./resource-usage";

const DAY_MS = 86_400_000;
/** Each day's window reaches this far past both midnights, so the segments crossing them are measured (and split). */
const EDGE_MS = 15 * 60_000;
const ID_CHUNK = 2_000;

/**
 * DO allows a token 5,000 requests an hour and 250 a minute, shared by everything that calls it. Bandwidth costs one
 * request per droplet per day, so metering takes 50 requests a minute: 3,000 an hour, 60 % of the budget, the rest
 * left to the inventory syncs (which need a few hundred an hour at 10k droplets). A run makes at most
 * `requestsPerRun` requests; runs start at most `runsPerMinute` a minute (the Inngest throttle on meter-bandwidth, or
 * the in-process pacing below). Once DO says fewer than `reserve` requests are left in its window, a run stops and
 * leaves the rest for later, so metering never starves a sync.
 */
export const bandwidthPacing = { requestsPerRun: 50, runsPerMinute: 1, concurrency: 4, reserve: 1_000 } as const;

/** One request's worth of work: a tenant droplet's public outbound bytes on one complete UTC day. */
export interface BandwidthItem {
  resourceId: string;
  hostId: string;
  tenantId: string;
  /** `YYYY-MM-DD` */
  day: string;
}

export interface BandwidthResult {
  requested: number;
  sampled: number;
  failed: number;
  /** Not attempted because DO's budget ran low; a later run picks them up. */
  deferred: BandwidthItem[];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What is still to measure in the month: for every tenant droplet, each complete UTC day (before today) it existed
 * on and has no sample for. A day once sampled is final, so re-running asks DO for nothing twice.
 */
export async function listBandwidthWork(db: DbOrTx, period: string, prefix: string, now = new Date()): Promise<BandwidthItem[]> {
  const from = monthStart(period).getTime();
  const to = Math.min(monthStart(addMonths(period, 1)).getTime(), Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  if (to <= from) return [];
  const droplets = await loadMeteredResources(db, period, prefix, { kinds: ["droplet"] });
  const sampled = new Set<string>();
  for (let i = 0; i < droplets.length; i += ID_CHUNK) {
    const rows = await db
      .select({ resourceId: resourceUsageSamples.resourceId, day: resourceUsageSamples.day })
      .from(resourceUsageSamples)
      .where(
        and(
          eq(resourceUsageSamples.metric, "public_outbound_bytes"),
          inArray(resourceUsageSamples.resourceId, droplets.slice(i, i + ID_CHUNK).map((d) => d.id)),
          gte(resourceUsageSamples.day, isoDay(from)),
          lt(resourceUsageSamples.day, isoDay(to)),
        ),
      );
    for (const r of rows) sampled.add(`${r.resourceId} ${r.day}`);
  }
  const items: BandwidthItem[] = [];
  for (const d of droplets) {
    const tenantId = tenantOf(d.tags, prefix);
    if (!tenantId) continue;
    const alive = existenceIntervals(d);
    for (let day = from; day < to; day += DAY_MS) {
      if (!alive.some(([a, b]) => a < day + DAY_MS && b > day)) continue;
      if (!sampled.has(`${d.id} ${isoDay(day)}`)) items.push({ resourceId: d.id, hostId: d.providerId, tenantId, day: isoDay(day) });
    }
  }
  return items;
}

/**
 * Measures each item with one request (the day padded by EDGE_MS on both sides, integrated by bytesPerDay) and stores
 * the day's bytes. A few requests are in flight at once; an item whose request fails is left unsampled for the next
 * run, a rejected token stops everything. Stops early, deferring the rest, when DO's budget falls to the reserve.
 */
export async function meterBandwidth(
  db: DbOrTx,
  client: DoClient,
  items: readonly BandwidthItem[],
  opts: { reserve?: number; clock?: PacingClock } = {},
): Promise<BandwidthResult> {
  const reserve = opts.reserve ?? bandwidthPacing.reserve;
  const clock = opts.clock ?? realClock;
  const rows: (typeof resourceUsageSamples.$inferInsert)[] = [];
  const deferred: BandwidthItem[] = [];
  let next = 0;
  let failed = 0;
  let fatal: unknown;
  const worker = async () => {
    while (next < items.length && fatal === undefined) {
      // A reading from before DO's window reset says nothing about now.
      const budget = client.rateLimit();
      if (budget && budget.remaining <= reserve && budget.resetAtMs > clock.now()) {
        deferred.push(...items.slice(next));
        next = items.length;
        return;
      }
      const item = items[next++]!;
      const dayStart = Date.parse(`${item.day}T00:00:00Z`);
      try {
        const samples = await client.getDropletBandwidth({
          hostId: item.hostId,
          interface: "public",
          direction: "outbound",
          start: new Date(dayStart - EDGE_MS),
          end: new Date(dayStart + DAY_MS + EDGE_MS),
        });
        const bytes = bytesPerDay(samples, [item.day]).get(item.day) ?? 0;
        rows.push({ resourceId: item.resourceId, metric: "public_outbound_bytes", day: item.day, value: Math.round(bytes) });
      } catch (e) {
        if (e instanceof DoTokenRejectedError) fatal = e;
        else failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(bandwidthPacing.concurrency, items.length) }, worker));
  if (fatal !== undefined) throw fatal;
  if (rows.length) {
    await db
      .insert(resourceUsageSamples)
      .values(rows)
      .onConflictDoUpdate({
        target: [resourceUsageSamples.resourceId, resourceUsageSamples.metric, resourceUsageSamples.day],
        set: { value: sql`excluded.value`, sampledAt: sql`now()` },
      });
  }
  return { requested: items.length - deferred.length, sampled: rows.length, failed, deferred };
}

/** Waiting, on the real clock or (in the bench) a simulated one. */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacingClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/**
 * The in-process equivalent of the queue's throttled meter-bandwidth runs (for `npm run job` and Run now without
 * Inngest): runs of `requestsPerRun` items, each starting at least a minute / `runsPerMinute` after the one before;
 * items a run deferred wait for DO's window to reset, then go first.
 */
export async function meterBandwidthPaced(
  db: DbOrTx,
  client: DoClient,
  items: readonly BandwidthItem[],
  opts: { clock?: PacingClock; onRun?: (done: number, total: number) => Promise<void> | void } = {},
): Promise<Omit<BandwidthResult, "deferred">> {
  const clock = opts.clock ?? realClock;
  const spacingMs = 60_000 / bandwidthPacing.runsPerMinute;
  const total = { requested: 0, sampled: 0, failed: 0 };
  let queue = [...items];
  let nextStart = clock.now();
  while (queue.length) {
    if (clock.now() < nextStart) await clock.sleep(nextStart - clock.now());
    nextStart = clock.now() + spacingMs;
    const run = queue.slice(0, bandwidthPacing.requestsPerRun);
    const result = await meterBandwidth(db, client, run, { clock });
    total.requested += result.requested;
    total.sampled += result.sampled;
    total.failed += result.failed;
    queue = [...result.deferred, ...queue.slice(run.length)];
    const resetAt = client.rateLimit()?.resetAtMs;
    if (result.deferred.length && resetAt) nextStart = Math.max(nextStart, resetAt);
    await opts.onRun?.(items.length - queue.length, items.length);
  }
  return total;
}

/** The items in runs of `requestsPerRun`, for the queue. */
export function chunkBandwidthWork(items: readonly BandwidthItem[]): BandwidthItem[][] {
  const out: BandwidthItem[][] = [];
  for (let i = 0; i < items.length; i += bandwidthPacing.requestsPerRun) out.push(items.slice(i, i + bandwidthPacing.requestsPerRun));
  return out;
}
