import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/db/client";
import { jobRuns, notificationDeliveries } from "@/db/schema";
import { jobAbandonedEvent } from "@/lib/jobs/job-events";
import { drainOutbox } from "@/lib/notifications/drain-outbox";
import { recordEvents } from "@/lib/notifications/record-event";
import { createTestEndpoint, localDelivery } from "@/test/notification-factories";
import { type Bench, figure, percentile } from "./bench";
import { benchSecrets, createBenchDb } from "./support";

const events = 10_000;
const latencyRounds = 400;
/** Targets: the backlog drains at ≥ 500 events/s; an event adds ≤ 2 ms (median) to the transaction that writes it. */
const targets = { eventsPerSecond: 500, extraMs: 2 };

/**
 * What an event costs its producer: a job's write (recording a run's outcome, one UPDATE) in a transaction alone
 * and with one event written beside it, alternated so load from anything else hits both alike.
 */
async function extraLatency(db: Db): Promise<{ without: number[]; with: number[] }> {
  const [run] = await db.insert(jobRuns).values({ job: "bench-producer", trigger: "cli" }).returning();
  const change = (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], i: number) =>
    tx.update(jobRuns).set({ summary: `round ${i}`, heartbeatAt: sql`now()` }).where(eq(jobRuns.id, run!.id));
  const without: number[] = [];
  const withEvent: number[] = [];
  for (let i = 0; i < latencyRounds; i++) {
    let started = performance.now();
    await db.transaction((tx) => change(tx, i));
    without.push(performance.now() - started);
    started = performance.now();
    await db.transaction(async (tx) => {
      await change(tx, i);
      await recordEvents(tx, [jobAbandonedEvent({ ...run!, error: `round ${i}` })]);
    });
    withEvent.push(performance.now() - started);
  }
  return { without: without.sort((a, b) => a - b), with: withEvent.sort((a, b) => a - b) };
}

interface ReceiverStats {
  received: number;
  distinctIds: number;
  samples: { headers: Record<string, string>; body: string }[];
}

/** The receiver, in a process of its own (bench/webhook-receiver-child.ts). */
async function startReceiverChild(): Promise<{ url: string; stats(): Promise<ReceiverStats>; stop(): Promise<void> }> {
  const child = spawn("npx", ["tsx", "bench/webhook-receiver-child.ts"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`receiver exited ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stats: async () => (await fetch(`${url}/stats`)).json() as Promise<ReceiverStats>,
    stop: async () => {
      await fetch(`${url}/quit`).catch(() => {});
    },
  };
}

export const notificationsDeliveryBench: Bench = {
  name: "notifications-delivery",
  description: `${events.toLocaleString("en")} outbox events delivered to a local webhook receiver (≥ ${targets.eventsPerSecond}/s), and what an event adds to the job that writes it (≤ ${targets.extraMs} ms)`,
  async run() {
    process.env.NEXTAUTH_SECRET ||= benchSecrets.NEXTAUTH_SECRET; // the key the factories seal secrets with
    const t = await createBenchDb();
    const receiver = await startReceiverChild();
    try {
      const endpoint = await createTestEndpoint(t.db, `${receiver.url}/bench`, ["job.abandoned"]);
      const latency = await extraLatency(t.db);
      await drainOutbox(t.db, localDelivery); // the latency rounds' events: the backlog below is `events` more
      const before = await receiver.stats();

      const [run] = await t.db.insert(jobRuns).values({ job: "bench-backlog", trigger: "cli" }).returning();
      const writeStarted = performance.now();
      for (let i = 0; i < events; i += 1_000) {
        await t.db.transaction((tx) => recordEvents(tx, Array.from({ length: 1_000 }, (_, j) => jobAbandonedEvent({ ...run!, error: `event ${i + j}` }))));
      }
      const writeMs = performance.now() - writeStarted;

      const started = performance.now();
      const summary = await drainOutbox(t.db, localDelivery);
      const drainMs = performance.now() - started;

      const stats = await receiver.stats();
      const received = stats.received - before.received;
      const distinct = stats.distinctIds - before.distinctIds;
      const verifier = new Webhook(endpoint.secret);
      const sample = stats.samples.slice(before.samples.length);
      const isSigned = sample.length > 0 && sample.every((r) => verifier.verify(r.body, r.headers));
      const [pending] = await t.db.select({ n: sql<number>`count(*)::int` }).from(notificationDeliveries).where(eq(notificationDeliveries.status, "pending"));
      const perSecond = summary.succeeded / (drainMs / 1000);
      const extra = percentile(latency.with, 50) - percentile(latency.without, 50);

      figure("events written (10 transactions of 1,000)", writeMs, "ms");
      figure("per event written, in a batch", writeMs / events, "ms");
      figure("drain: delivered / attempted", `${summary.succeeded.toLocaleString("en")} / ${summary.attempted.toLocaleString("en")}`);
      figure("drain wall time", drainMs, "ms");
      figure("throughput", perSecond, "events/s");
      figure("requests received / distinct webhook-ids", `${received.toLocaleString("en")} / ${distinct.toLocaleString("en")}`);
      figure("sampled signatures verified (standardwebhooks)", `${sample.length} ${isSigned ? "all valid" : "SOME INVALID"}`);
      figure("deliveries left pending", pending!.n);
      figure(`job write alone, p50 / p95 (${latencyRounds} rounds)`, `${percentile(latency.without, 50).toFixed(2)} / ${percentile(latency.without, 95).toFixed(2)}`, "ms");
      figure("job write + one event, p50 / p95", `${percentile(latency.with, 50).toFixed(2)} / ${percentile(latency.with, 95).toFixed(2)}`, "ms");
      figure("extra latency one event adds (p50)", extra, "ms");
      const isExact = summary.succeeded === events && received === events && distinct === events && pending!.n === 0;
      return { ok: isExact && isSigned && perSecond >= targets.eventsPerSecond && extra <= targets.extraMs };
    } finally {
      await receiver.stop();
      await t.drop();
    }
  },
};
