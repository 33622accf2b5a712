import { describe, expect, it } from "vitest";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createResource } from "@/test/factories";
import { adminToken, signJwt, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();

async function call(path: string, token?: string) {
  const res = await GET(apiRequest(path, { token }));
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /api/v1/inventory", () => {
  it("401 without a token, with the error envelope", async () => {
    const r = await call("/api/v1/inventory");
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: "unauthorized", details: null });
    expect(typeof r.body.error.message).toBe("string");
  });

  it("401 with a token signed by someone else", async () => {
    const r = await call("/api/v1/inventory", signJwt({ sub: "x", role: "platform_admin", exp: 9e9 }, { secret: "x".repeat(40) }));
    expect(r.status).toBe(401);
  });

  it("lists resources for an admin, hiding tombstones unless asked", async () => {
    const db = getDb().db;
    const live = await createResource(db, { kind: "droplet", name: "alpha-web" });
    const gone = await createResource(db, { kind: "droplet", name: "alpha-old", deletedAt: new Date() });
    const r = await call("/api/v1/inventory?q=alpha-", adminToken());
    expect(r.status).toBe(200);
    expect(r.body.data.map((i: any) => i.id)).toEqual([live.id]);
    expect(r.body.next_cursor).toBeNull();
    expect(Object.keys(r.body.data[0])).toEqual(
      expect.arrayContaining(["kind", "provider_id", "name", "region", "size_slug", "status", "tags", "deleted_at"]),
    );
    const all = await call("/api/v1/inventory?q=alpha-&include_deleted=true", adminToken());
    expect(all.body.data.map((i: any) => i.id).sort()).toEqual([live.id, gone.id].sort());
  });

  it("filters by kind, region and status", async () => {
    const db = getDb().db;
    await createResource(db, { kind: "volume", name: "beta-vol", region: "syd1", status: "available" });
    await createResource(db, { kind: "volume", name: "beta-vol2", region: "sgp1", status: "available" });
    await createResource(db, { kind: "droplet", name: "beta-drop", region: "syd1", status: "active" });
    const r = await call("/api/v1/inventory?q=beta-&kind=volume&region=syd1&status=available", adminToken());
    expect(r.body.data.map((i: any) => i.name)).toEqual(["beta-vol"]);
  });

  it("answers each request with its own values when requests share a query shape (one prepared query per shape)", async () => {
    const db = getDb().db;
    await createResource(db, { kind: "volume", name: "shape-vol", region: "nyc3" });
    await createResource(db, { kind: "domain", name: "shape-dom", region: null });
    const names = async (qs: string) => (await call(`/api/v1/inventory?q=shape-&${qs}`, adminToken())).body.data.map((i: any) => i.name);
    expect(await names("kind=volume")).toEqual(["shape-vol"]);
    expect(await names("kind=domain")).toEqual(["shape-dom"]);
    expect(await names("kind=droplet")).toEqual([]);
    expect(await names("region=nyc3")).toEqual(["shape-vol"]);
    expect(await names("kind=volume")).toEqual(["shape-vol"]);
  });

  it("pages with a cursor through every row exactly once, in any sort", async () => {
    const db = getDb().db;
    for (let i = 0; i < 7; i++) await createResource(db, { kind: "snapshot", name: `gamma-${i % 3}`, region: i % 2 ? "syd1" : null });
    for (const sort of ["name", "kind", "region", "status", "size_slug", "last_seen_at", "first_seen_at"]) {
      for (const dir of ["asc", "desc"]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const qs: string = `/api/v1/inventory?kind=snapshot&q=gamma-&limit=3&sort=${sort}&dir=${dir}${cursor ? `&cursor=${cursor}` : ""}`;
          const r = await call(qs, adminToken());
          expect(r.status).toBe(200);
          seen.push(...r.body.data.map((i: any) => i.id));
          cursor = r.body.next_cursor;
        } while (cursor);
        expect(seen).toHaveLength(7);
        expect(new Set(seen).size).toBe(7);
      }
    }
  });

  it("400 with zod issues in details for bad input", async () => {
    const r = await call("/api/v1/inventory?kind=spaceship&limit=9999", adminToken());
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    expect(r.body.error.details.map((d: any) => d.path).sort()).toEqual(["kind", "limit"]);
  });

  it("400 for a cursor that is not ours or belongs to another sort", async () => {
    expect((await call("/api/v1/inventory?cursor=garbage", adminToken())).status).toBe(400);
    const db = getDb().db;
    await createResource(db, { kind: "app", name: "delta-1" });
    await createResource(db, { kind: "app", name: "delta-2" });
    const first = await call("/api/v1/inventory?kind=app&q=delta-&limit=1", adminToken());
    const r = await call(`/api/v1/inventory?kind=app&q=delta-&limit=1&sort=region&cursor=${first.body.next_cursor}`, adminToken());
    expect(r.status).toBe(400);
  });

  it("a tenant sees only resources tagged as theirs", async () => {
    const db = getDb().db;
    const mine = await createResource(db, { name: "epsilon-1", tags: ["tenant:acme", "web"] });
    await createResource(db, { name: "epsilon-2", tags: ["tenant:globex"] });
    await createResource(db, { name: "epsilon-3", tags: [] });
    const r = await call("/api/v1/inventory?q=epsilon-", tenantToken("acme"));
    expect(r.status).toBe(200);
    expect(r.body.data.map((i: any) => i.id)).toEqual([mine.id]);
  });

  it("echoes a caller's x-request-id", async () => {
    const res = await GET(apiRequest("/api/v1/inventory", { token: adminToken(), headers: { "x-request-id": "req-123" } }));
    expect(res.headers.get("x-request-id")).toBe("req-123");
  });
});
