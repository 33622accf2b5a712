import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDbHandle, setDbHandle } from "@/db";
import { GET as inventory } from "@/app/api/v1/inventory/route";
import { configureServerDb } from "@/lib/platform/configure-server-db";
import { resetEnvCache } from "@/lib/platform/env";
import { apiRequest, routeParams } from "@/test/app-db";
import { adminToken } from "@/test/jwt";
import { freePort } from "@/test/throwaway-postgres";
import { GET as health } from "./route";

/**
 * /api/health and the API when the configured database is not there: each case points the app's real database
 * module (db/index.ts, configured from the environment as the server's start-up does) at a database that cannot answer.
 */
function useDatabase(url: string, extra: Record<string, string> = {}) {
  process.env.DATABASE_URL = url;
  Object.assign(process.env, extra);
  resetEnvCache();
  setDbHandle(undefined);
  configureServerDb();
  return Object.keys(extra);
}

let extraKeys: string[] = [];
afterEach(async () => {
  await getDbHandle()
    .close()
    .catch(() => {});
  setDbHandle(undefined);
  delete process.env.DATABASE_URL;
  for (const k of extraKeys) delete process.env[k];
  extraKeys = [];
  resetEnvCache();
});

const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function probe() {
  const started = performance.now();
  const res = await health(apiRequest("/api/health"), routeParams({}));
  return { res, body: (await res.json()) as { ready: boolean; database: { reachable: boolean; error?: string } }, ms: performance.now() - started };
}

describe("GET /api/health with the database unreachable", () => {
  // Accepts connections and never answers: a hung or stopped (SIGSTOP) server, or a black-holed network path.
  let hung: Server;
  const sockets: Socket[] = [];
  let hungUrl = "";
  beforeAll(async () => {
    hung = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    hungUrl = `postgres://postgres@127.0.0.1:${(hung.address() as { port: number }).port}/arcadia`;
  });
  afterAll(() => {
    for (const s of sockets) s.destroy();
    hung.close();
  });

  it("answers 503 JSON with ready: false when nothing listens on the port", async () => {
    useDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/arcadia`);
    const { res, body } = await probe();
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(body).toMatchObject({ live: true, ready: false, database: { reachable: false } });
  });

  it("answers 503 JSON with ready: false when the database does not exist", async () => {
    const url = new URL(serverUrl);
    url.pathname = "/arcadia_no_such_database";
    useDatabase(url.toString());
    const { res, body } = await probe();
    expect(res.status).toBe(503);
    expect(body.ready).toBe(false);
  });

  it("answers within two seconds when the server accepts connections but never answers", async () => {
    useDatabase(hungUrl);
    const { res, body, ms } = await probe();
    expect(res.status).toBe(503);
    expect(body).toMatchObject({ ready: false, database: { reachable: false } });
    expect(body.database.error).toMatch(/did not answer within/);
    expect(ms).toBeLessThan(2_000);
  });

  it("API requests get 503 unavailable with Retry-After once the connect timeout passes, not a hang or a 500", async () => {
    extraKeys = useDatabase(hungUrl, { DB_CONNECT_TIMEOUT_SECONDS: "1" });
    const started = performance.now();
    const res = await inventory(apiRequest("/api/v1/inventory", { token: adminToken() }), routeParams({}));
    const ms = performance.now() - started;
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(ms).toBeGreaterThan(900);
    expect(ms).toBeLessThan(3_000);
  });

  it("API requests get 503 unavailable when nothing listens", async () => {
    useDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/arcadia`);
    const res = await inventory(apiRequest("/api/v1/inventory", { token: adminToken() }), routeParams({}));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  });
});
