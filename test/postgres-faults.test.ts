import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMigrated, getDb, getDbHandle, setDbHandle } from "@/db";
import { createDbHandle } from "@/db/client";
import { isConnectionError } from "@/db/connection-errors";
import { GET as health } from "@/app/api/health/route";
import { GET as inventory } from "@/app/api/v1/inventory/route";
import { configureServerDb } from "@/lib/platform/configure-server-db";
import { env, resetEnvCache } from "@/lib/platform/env";
import { apiRequest, routeParams } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { adminToken } from "@/test/jwt";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/test/throwaway-postgres";

/**
 * PostgreSQL faults, on a server this test runs itself. A restart under load: the app's real database path (db/index.ts from the environment) against a server
 * this test runs itself, with API and health requests in flight while it is stopped for `downMs` and started again.
 * Prints the figures (requests per status, slowest request, slowest health probe).
 */
const downMs = 8_000;

interface Sample {
  at: number;
  route: "inventory" | "health";
  status: number;
  ms: number;
  code?: string;
  retryAfter?: string | null;
}

describe("PostgreSQL faults", () => {
  let pg: ThrowawayPostgres;
  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    process.env.DATABASE_URL = pg.url;
    resetEnvCache();
    setDbHandle(undefined);
    configureServerDb();
    await ensureMigrated();
    for (let i = 0; i < 50; i++) await createResource(getDb());
  }, 60_000);
  afterAll(async () => {
    await getDbHandle()
      .close()
      .catch(() => {});
    setDbHandle(undefined);
    delete process.env.DATABASE_URL;
    resetEnvCache();
    await pg?.destroy();
  });

  it("answers 503 unavailable with Retry-After, never another 5xx or a hang, and recovers by itself", async () => {
    const samples: Sample[] = [];
    const t0 = performance.now();
    let running = true;
    const call = async (route: Sample["route"]) => {
      const started = performance.now();
      const res =
        route === "health"
          ? await health(apiRequest("/api/health"), routeParams({}))
          : await inventory(apiRequest("/api/v1/inventory?limit=20", { token: adminToken() }), routeParams({}));
      const text = await res.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { error?: { code: string } }).error?.code;
      } catch {
        code = "not-json";
      }
      samples.push({ at: started - t0, route, status: res.status, ms: performance.now() - started, code, retryAfter: res.headers.get("retry-after") });
    };
    const worker = async () => {
      while (running) await call("inventory");
    };
    const prober = async () => {
      while (running) {
        await call("health");
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const load = [...Array.from({ length: 12 }, worker), prober()];

    await new Promise((r) => setTimeout(r, 2_000));
    const stopAt = performance.now() - t0;
    await pg.stop();
    await new Promise((r) => setTimeout(r, downMs));
    await pg.start();
    const upAt = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 4_000));
    running = false;
    await Promise.all(load);

    const during = samples.filter((s) => s.at >= stopAt - 1_000 && s.at < upAt + 1_000);
    const byStatus = (list: Sample[]) => Object.fromEntries([...new Set(list.map((s) => s.status))].map((st) => [st, list.filter((s) => s.status === st).length]));
    const slowest = (list: Sample[]) => Math.round(Math.max(0, ...list.map((s) => s.ms)));
    const api = samples.filter((s) => s.route === "inventory");
    const probes = samples.filter((s) => s.route === "health");
    const other5xx = samples.filter((s) => s.status >= 500 && s.status !== 503);
    console.log(
      `PostgreSQL down ${downMs / 1000} s under load: API ${JSON.stringify(byStatus(api))}, slowest ${slowest(api)} ms; ` +
        `health ${JSON.stringify(byStatus(probes))}, slowest ${slowest(probes)} ms; 5xx other than 503: ${other5xx.length}; ` +
        `503s: ${samples.filter((s) => s.status === 503).length}; in the stop window ${JSON.stringify(byStatus(during))}`,
    );

    expect(other5xx.map((s) => `${s.route} ${s.status} ${s.code}`)).toEqual([]);
    expect(samples.filter((s) => s.status === 503).length, "the outage was seen").toBeGreaterThan(0);
    for (const s of samples.filter((x) => x.route === "inventory" && x.status === 503)) {
      expect(s.code).toBe("unavailable");
      expect(Number(s.retryAfter)).toBeGreaterThan(0);
    }
    // A connection caught mid-start can wait out the connect timeout; nothing waits longer.
    expect(slowest(api), "slowest API request (ms)").toBeLessThan((env().DB_CONNECT_TIMEOUT_SECONDS + 2) * 1000);
    expect(slowest(probes), "slowest health probe (ms)").toBeLessThan(2_000);
    // Recovered without a restart of the app: everything after the first second back up succeeds.
    const after = samples.filter((s) => s.at > upAt + 1_500);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
  }, 60_000);

  it("the server's pool bounds each statement (DB_STATEMENT_TIMEOUT_MS); migrations run on a connection without it", async () => {
    const [row] = (await getDb().execute(sql`show statement_timeout`)) as unknown as { statement_timeout: string }[];
    expect(row?.statement_timeout).toBe(`${env().DB_STATEMENT_TIMEOUT_MS / 1000}s`);

    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe("create database bounded");
    const url = new URL(pg.url);
    url.pathname = "/bounded";
    // With a 1 ms bound every migration statement would be cancelled, if migrations ran on the pool.
    const tight = createDbHandle({ databaseUrl: url.toString(), statementTimeoutMs: 1 });
    const bounded = createDbHandle({ databaseUrl: url.toString(), statementTimeoutMs: 300 });
    try {
      await tight.migrate();
      const err = await bounded.db.execute(sql`select pg_sleep(1)`).catch((e: unknown) => e);
      expect((err as { cause?: { code?: string } }).cause?.code).toBe("57014");
      expect(isConnectionError(err)).toBe(true); // a 503, not a 500
    } finally {
      await Promise.all([tight.close(), bounded.close()]);
      await admin.end();
    }
  });
});
