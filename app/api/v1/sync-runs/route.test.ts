import { describe, expect, it } from "vitest";
import { cloudSyncRuns } from "@/db/schema";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();

async function call(path: string, token?: string) {
  const res = await GET(apiRequest(path, { token }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /api/v1/sync-runs", () => {
  it("lists runs newest first with cursor pagination, admins only", async () => {
    const db = getDb().db;
    for (let i = 0; i < 5; i++) {
      await db.insert(cloudSyncRuns).values({
        kinds: ["droplet"],
        trigger: i % 2 ? "cron" : "manual",
        status: "succeeded",
        seen: i,
        startedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
        finishedAt: new Date(Date.UTC(2026, 10, 1, 0, i, 30)),
      });
    }
    const first = await call("/api/v1/sync-runs?limit=2", adminToken());
    expect(first.status).toBe(200);
    expect(first.body.data.map((r: any) => r.seen)).toEqual([4, 3]);
    const second = await call(`/api/v1/sync-runs?limit=2&cursor=${first.body.next_cursor}`, adminToken());
    expect(second.body.data.map((r: any) => r.seen)).toEqual([2, 1]);
    const third = await call(`/api/v1/sync-runs?limit=2&cursor=${second.body.next_cursor}`, adminToken());
    expect(third.body.data.map((r: any) => r.seen)).toEqual([0]);
    expect(third.body.next_cursor).toBeNull();
    expect(first.body.data[0]).toMatchObject({ kinds: ["droplet"], trigger: "manual", status: "succeeded", error: null });
    expect((await call("/api/v1/sync-runs", tenantToken())).status).toBe(403);
    expect((await call("/api/v1/sync-runs?status=bogus", adminToken())).status).toBe(400);
  });
});
