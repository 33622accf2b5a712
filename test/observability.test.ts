import { Writable } from "node:stream";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as authLink } from "@/app/auth/arcadia/route";
import { GET as inventory } from "@/app/api/v1/inventory/route";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { PUT as putTenant } from "@/app/api/v1/tenants/[id]/route";
import { metrics } from "@/lib/platform/metrics";
import { createDoClient } from "@/lib/digitalocean/client";
import { syncInventory } from "@/lib/inventory/sync/sync-inventory";
import { resetEnvCache } from "@/lib/platform/env";
import { createLogger, setLogger } from "@/lib/platform/log";
import { proxy } from "@/proxy";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { adminToken, tenantToken } from "@/test/jwt";

const getDb = setupAppTestDb();
let captured = "";
let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 5, droplets: 5, token: "dop_v1_secret-do-token-4242" });
  process.env.CORS_ORIGINS = "https://app.arcadia.example, https://admin.arcadia.example";
  process.env.METRICS_TOKEN = "metrics-token-abcdef";
  process.env.LOG_LEVEL = "debug";
  resetEnvCache();
});
afterAll(async () => {
  setLogger(undefined);
  await fake.close();
});
beforeEach(() => {
  captured = "";
  setLogger(
    createLogger(
      new Writable({
        write(chunk, _enc, cb) {
          captured += chunk.toString();
          cb();
        },
      }),
    ),
  );
});

describe("structured logs", () => {
  it("log every request as JSON with a request id, generated or taken from x-request-id", async () => {
    await inventory(apiRequest("/api/v1/inventory", { token: adminToken(), headers: { "x-request-id": "abc-123" } }), { params: Promise.resolve({}) });
    await inventory(apiRequest("/api/v1/inventory", { token: adminToken() }), { params: Promise.resolve({}) });
    const lines = captured.trim().split("\n").map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ requestId: "abc-123", route: "/api/v1/inventory", status: 200, level: "info" });
    expect(requests[1].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never contain bearer tokens, cookies, passwords, sign-in link tokens or the DO token", async () => {
    const jwt = adminToken();
    const tenantJwt = tenantToken("acme");
    const cookie = "next-auth.session-token=super-secret-cookie-value";
    await inventory(apiRequest("/api/v1/inventory?q=x", { token: jwt, headers: { cookie } }), { params: Promise.resolve({}) });
    await inventory(apiRequest("/api/v1/inventory", { token: "garbage.token.value" }), { params: Promise.resolve({}) });
    await authLink(apiRequest(`/auth/arcadia?token=${tenantJwt}`));
    await authLink(apiRequest("/auth/arcadia?token=expired.link.token"));
    await syncInventory(getDb().db, createDoClient({ token: "dop_v1_secret-do-token-4242", baseUrl: fake.url }), {
      kinds: ["droplet"],
      refreshProjects: false,
      trigger: "cli",
    });
    await expect(
      syncInventory(getDb().db, createDoClient({ token: "dop_v1_wrong-do-token-9999", baseUrl: fake.url, maxRetries: 0 }), {
        kinds: ["droplet"],
        refreshProjects: false,
        trigger: "cli",
      }),
    ).rejects.toThrow(/DO token rejected/);
    expect(captured.length).toBeGreaterThan(0);
    for (const secret of [jwt, tenantJwt, "garbage.token.value", "expired.link.token", "super-secret-cookie-value", "dop_v1_secret-do-token-4242", "dop_v1_wrong-do-token-9999", "metrics-token-abcdef"]) {
      expect(captured, secret.slice(0, 12)).not.toContain(secret);
    }
  });

  it("redact secret-looking fields even when a caller logs them", async () => {
    const { logger } = await import("@/lib/platform/log");
    logger().info({ password: "hunter2-password", headers: { authorization: "Bearer abc.def", cookie: "a=b" }, token: "tok-123" }, "oops");
    expect(captured).not.toContain("hunter2-password");
    expect(captured).not.toContain("abc.def");
    expect(captured).not.toContain("tok-123");
    expect(captured).toContain("[redacted]");
  });
});

describe("CORS on /api/v1", () => {
  it("an allowed origin gets CORS headers without credentials", async () => {
    const res = await inventory(apiRequest("/api/v1/inventory", { token: adminToken(), headers: { origin: "https://app.arcadia.example" } }), {
      params: Promise.resolve({}),
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.arcadia.example");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("another origin gets no CORS headers, even on errors", async () => {
    for (const token of [adminToken(), undefined]) {
      const res = await inventory(apiRequest("/api/v1/inventory", { token, headers: { origin: "https://evil.example" } }), { params: Promise.resolve({}) });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("answers a preflight with the allowed methods and headers, and refuses other origins", async () => {
    const preflight = (origin: string) =>
      proxy(
        new NextRequest("http://localhost/api/v1/inventory", {
          method: "OPTIONS",
          headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
        }),
      );
    const ok = preflight("https://admin.arcadia.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://admin.arcadia.example");
    expect(ok.headers.get("access-control-allow-methods")).toContain("GET");
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/Content-Type/);
    expect(ok.headers.get("access-control-allow-credentials")).toBeNull();
    const refused = preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /api/metrics", () => {
  it("serves Prometheus text with request, job, DO and sync metrics to the METRICS_TOKEN bearer", async () => {
    await inventory(apiRequest("/api/v1/inventory", { token: adminToken() }), { params: Promise.resolve({}) });
    const res = await getMetrics(new NextRequest("http://localhost/api/metrics", { headers: { authorization: "Bearer metrics-token-abcdef" } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/arcadia_http_requests_total\{route="\/api\/v1\/inventory",method="GET",status="200"\} \d+/);
    expect(text).toContain("arcadia_http_request_duration_seconds_bucket");
    expect(text).toContain("# TYPE arcadia_job_runs_total counter");
    expect(text).toContain("# TYPE arcadia_do_requests_total counter");
    expect(text).toContain("# TYPE arcadia_do_rate_limited_total counter");
    expect(text).toContain("# TYPE arcadia_invoice_lines_ingested_total counter");
    expect(text).toMatch(/arcadia_inventory_last_sync_age_seconds\{kind="droplet"\} \d/);
  });

  it("labels requests by route template, so thousands of distinct paths add no series", async () => {
    const seriesCount = async () => (await metrics().httpRequests.get()).values.length;
    const call = (id: string) =>
      putTenant(apiRequest(`/api/v1/tenants/${id}`, { method: "PUT", body: "{}" }), { params: Promise.resolve({ id }) });
    await call("warm-up");
    const before = await seriesCount();
    for (let i = 0; i < 2000; i++) await call(`probe-${i}-${Math.random().toString(36).slice(2)}`);
    expect(await seriesCount()).toBe(before);
    const text = await metrics().registry.metrics();
    expect(text).toContain('route="/api/v1/tenants/{id}"');
    expect(text).not.toContain("probe-");
  });

  it("refuses a missing or wrong token", async () => {
    for (const auth of [undefined, "Bearer wrong"]) {
      const res = await getMetrics(new NextRequest("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} }), {
        params: Promise.resolve({}),
      });
      expect(res.status).toBe(401);
    }
  });
});
