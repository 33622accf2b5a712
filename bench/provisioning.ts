import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { setDbHandle } from "@/db";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { provisioningRequests, provisioningSteps } from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { requestTag } from "@/lib/provisioning/config";
import { NextRequest } from "next/server";
import { type RecordedRequest, startFakeDo } from "@/test/fake-do";
import { subscribeTenant } from "@/test/provisioning-factories";
import type { Db } from "@/db/client";
import { type Bench, figure, percentile } from "./bench";
import { benchAdminToken, benchSecrets, createBenchDb, postgresCpuMs } from "./support";

const requests = 100;
/** How long each DO action (the create) stays in progress at the fake DO. */
const actionMs = 2_000;
/** How often a saga polls the action: PROVISIONING_POLL_INTERVAL_MS, set below its 5 s default so the wait is not all polling. */
const pollMs = 500;
/** No figure is a target here but exactly-once: every request succeeds and makes one droplet. */
const settleTimeoutMs = 10 * 60_000;

/** `GET /v2/actions/1870000003` → `GET /v2/actions/{id}`: DO's calls by kind, not by resource. */
function callKind(r: RecordedRequest): string {
  const path = r.path
    .replace(/\/\d+(?=\/|$)/g, "/{id}")
    .replace(/^\/v2\/tags\/[^/]+/, "/v2/tags/{tag}");
  const query = r.query.tag_name ? "?tag_name=…" : "";
  return `${r.method} ${path}${query}`;
}

/**
 * 100 concurrent create_droplet requests through POST /api/v1/provisioning/requests (a platform_admin token, an
 * Idempotency-Key each, one tenant each on a Starter plan), their sagas run in-process as the app runs them without
 * Inngest, against the fake DO with 2 s actions: exactly one droplet per request, DO calls per request, wall time
 * against the action's own duration, and each request's latency from its POST to `succeeded`.
 */
export const provisioningBench: Bench = {
  name: "provisioning",
  description: `${requests} concurrent create_droplet requests through the API against the fake DO (${actionMs / 1000} s actions, ${pollMs} ms polls): exactly one droplet each, DO calls per request, wall time vs action time`,
  async run() {
    const saved = { ...process.env };
    const fake = await startFakeDo({ seed: 20, droplets: 10, actionDurationMs: actionMs });
    const t = await createBenchDb();
    // The server's pool (db/client.ts: its default size and types), not the test helper's smaller one, counting the
    // statements the app sends.
    let statements = 0;
    const client = postgres(t.url!, { max: 10, onnotice: () => {}, types: { bigint: postgres.BigInt }, debug: () => void statements++ });
    const handle = { db: drizzle(client, { schema }) as unknown as Db, driver: "postgres" as const, migrate: async () => {}, close: () => client.end() };
    Object.assign(process.env, {
      ...benchSecrets,
      DO_API_TOKEN: "bench",
      DO_API_URL: fake.url,
      PROVISIONING_ENABLED: "1",
      PROVISIONING_POLL_INTERVAL_MS: String(pollMs),
      LOG_LEVEL: "warn",
    });
    resetEnvCache();
    setDbHandle(handle);
    try {
      // Loaded here, not with the registry: the route and the in-process runner read the environment set above.
      const { POST } = await import("@/app/api/v1/provisioning/requests/route");
      const { settleProvisioningRuns } = await import("@/jobs/provisioning-runs");
      const tenants = [];
      for (let i = 0; i < requests; i++) tenants.push((await subscribeTenant(t.db)).tenantId);
      const token = benchAdminToken();
      fake.requests.length = 0;

      const [cpu0, pg0, statements0] = [process.cpuUsage(), postgresCpuMs(), statements];
      const started = performance.now();
      const posted = await Promise.all(
        tenants.map(async (tenantId, i) => {
          const t0 = Date.now();
          const res = await POST(
            new NextRequest("http://localhost/api/v1/provisioning/requests", {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
              body: JSON.stringify({ tenant_id: tenantId, action: "create_droplet", params: { name: `bench-${i}`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } }),
            }),
          );
          const body = (await res.json()) as { data?: { id: string }; error?: unknown };
          if (res.status !== 202 || !body.data) throw new Error(`request ${i}: ${res.status} ${JSON.stringify(body.error)}`);
          return { id: body.data.id, postedAt: t0, acceptMs: Date.now() - t0 };
        }),
      );
      const acceptedMs = performance.now() - started;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        settleProvisioningRuns(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`sagas still running after ${settleTimeoutMs / 1000} s`)), settleTimeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      const wallMs = performance.now() - started;
      const [cpu, pgMs, sent] = [process.cpuUsage(cpu0), postgresCpuMs() - pg0, statements - statements0];

      const rows = await t.db
        .select({ id: provisioningRequests.id, status: provisioningRequests.status, error: provisioningRequests.error, finishedAt: provisioningRequests.finishedAt })
        .from(provisioningRequests)
        .where(inArray(provisioningRequests.id, posted.map((p) => p.id)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const statuses: Record<string, number> = {};
      for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const dropletCounts = posted.map((p) => fake.account.droplets.filter((d) => d.tags.includes(requestTag(p.id))).length);
      const exactlyOnce = dropletCounts.filter((n) => n === 1).length;
      const latencies = posted.map((p) => (byId.get(p.id)?.finishedAt?.getTime() ?? Number.NaN) - p.postedAt).sort((a, b) => a - b);
      const accepts = posted.map((p) => p.acceptMs).sort((a, b) => a - b);

      const calls = new Map<string, number>();
      for (const r of fake.requests) calls.set(callKind(r), (calls.get(callKind(r)) ?? 0) + 1);
      const refused = fake.requests.filter((r) => r.status >= 400);

      figure("requests accepted (202) / succeeded", `${posted.length} / ${statuses.succeeded ?? 0}`);
      figure("statuses", Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(", "));
      figure("requests with exactly one droplet at DO", `${exactlyOnce} / ${requests}`);
      figure("all 100 accepted (POST → 202), wall", acceptedMs, "ms");
      figure("POST → 202, p50 / p95", `${percentile(accepts, 50).toFixed(0)} / ${percentile(accepts, 95).toFixed(0)}`, "ms");
      figure("wall time, first POST to last saga done", wallMs / 1000, "s");
      figure(`ratio to one DO action (${actionMs / 1000} s)`, wallMs / actionMs);
      figure("floor: one action and at most one poll interval", (actionMs + pollMs) / 1000, "s");
      figure("per request, POST → succeeded, p50 / p95", `${(percentile(latencies, 50) / 1000).toFixed(2)} / ${(percentile(latencies, 95) / 1000).toFixed(2)}`, "s");
      // On two shared cores: is the wait CPU (this process: the app and the fake DO), PostgreSQL, or neither (sleeps)?
      figure("CPU over the wall time: this process / PostgreSQL", `${((cpu.user + cpu.system) / 1e6).toFixed(2)} / ${(pgMs / 1000).toFixed(2)}`, "s");
      figure("PostgreSQL statements, total / per request", `${sent.toLocaleString("en")} / ${(sent / requests).toFixed(1)}`);
      figure("DO requests, total / per provisioning request", `${fake.requests.length} / ${(fake.requests.length / requests).toFixed(2)}`);
      for (const [kind, n] of [...calls.entries()].sort((a, b) => b[1] - a[1])) figure(`  ${kind}`, `${n} (${(n / requests).toFixed(2)} per request)`);
      figure("DO answers ≥ 400", refused.length ? refused.map((r) => `${r.status} ${callKind(r)}`).slice(0, 5).join("; ") : 0);
      // Where a request's time goes: each step's own duration, and when it started after the request's POST.
      const steps = await t.db
        .select({ requestId: provisioningSteps.requestId, name: provisioningSteps.name, startedAt: provisioningSteps.startedAt, finishedAt: provisioningSteps.finishedAt, position: provisioningSteps.position })
        .from(provisioningSteps)
        .where(inArray(provisioningSteps.requestId, posted.map((p) => p.id)));
      const postedAt = new Map(posted.map((p) => [p.id, p.postedAt]));
      const byStep = new Map<string, { position: number; took: number[]; startedAfter: number[] }>();
      for (const s of steps) {
        const e = byStep.get(s.name) ?? { position: s.position, took: [], startedAfter: [] };
        e.took.push((s.finishedAt?.getTime() ?? Number.NaN) - s.startedAt.getTime());
        e.startedAfter.push(s.startedAt.getTime() - postedAt.get(s.requestId)!);
        byStep.set(s.name, e);
      }
      console.log("  steps: p50 start after POST / p50 / p95 duration (ms)");
      for (const [name, e] of [...byStep.entries()].sort((a, b) => a[1].position - b[1].position)) {
        const took = e.took.sort((a, b) => a - b);
        figure(`  ${name}`, `${percentile(e.startedAfter.sort((a, b) => a - b), 50).toFixed(0)} / ${percentile(took, 50).toFixed(0)} / ${percentile(took, 95).toFixed(0)}`);
      }
      const failed = rows.filter((r) => r.status !== "succeeded");
      if (failed.length) console.log(`  first failures: ${failed.slice(0, 3).map((r) => `${r.status}: ${r.error}`).join(" | ")}`);

      if (exactlyOnce !== requests || (statuses.succeeded ?? 0) !== requests) {
        throw new Error(`exactly-once violated: ${exactlyOnce}/${requests} requests have one droplet, ${statuses.succeeded ?? 0} succeeded (droplet counts: ${[...new Set(dropletCounts)].join(", ")})`);
      }
      return { ok: true };
    } finally {
      setDbHandle(undefined);
      await handle.close();
      await t.drop();
      await fake.close();
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      resetEnvCache();
    }
  },
};
