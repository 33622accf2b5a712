import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisioningRequests, provisioningSteps } from "@/db/schema";
import type { ProvisioningAction, ProvisioningStatus } from "@/db/schema/provisioning-constants";
import { createTestDb, type TestDb } from "@/test/db";
import { listRequests } from "./list-requests";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

let seq = 0;
async function seed(tenantId: string, action: ProvisioningAction, status: ProvisioningStatus, createdAt: Date) {
  const [row] = await t.db
    .insert(provisioningRequests)
    .values({ tenantId, action, status, createdAt, params: { n: seq++ }, requestedBy: "arcadia-app:test" })
    .returning();
  return row!;
}

describe("listRequests", () => {
  it("lists newest first with each request's steps in order, and pages by cursor without gaps or repeats", async () => {
    const base = Date.parse("2026-11-20T10:00:00.000Z");
    const made: { id: string }[] = [];
    for (let i = 0; i < 5; i++) made.push(await seed("list-a", "create_droplet", "succeeded", new Date(base + i * 1000)));
    // Two in the same millisecond: the id breaks the tie.
    made.push(await seed("list-a", "create_droplet", "succeeded", new Date(base + 4000)));
    await t.db.insert(provisioningSteps).values([
      { requestId: made[4]!.id, name: "create-droplet", position: 2, status: "failed", error: "DO said no" },
      { requestId: made[4]!.id, name: "reserve", position: 1, status: "succeeded", output: { reservations: [] }, finishedAt: new Date() },
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRequests(t.db, { tenant_id: "list-a", limit: 2, cursor });
      seen.push(...page.data.map((r) => r.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.at(-1)).toBe(made[0]!.id);
    const withSteps = (await listRequests(t.db, { tenant_id: "list-a", limit: 50 })).data.find((r) => r.id === made[4]!.id)!;
    expect(withSteps).toMatchObject({ tenant_id: "list-a", action: "create_droplet", status: "succeeded", resource_id: null });
    expect(withSteps.steps.map((s) => [s.name, s.status, s.error])).toEqual([
      ["reserve", "succeeded", null],
      ["create-droplet", "failed", "DO said no"],
    ]);
  });

  it("filters by tenant, action and status together", async () => {
    const at = new Date("2026-11-21T10:00:00.000Z");
    const hit = await seed("list-b", "resize_droplet", "awaiting_approval", at);
    await seed("list-b", "create_droplet", "awaiting_approval", at);
    await seed("list-b", "resize_droplet", "running", at);
    await seed("list-c", "resize_droplet", "awaiting_approval", at);
    const page = await listRequests(t.db, { tenant_id: "list-b", action: "resize_droplet", status: "awaiting_approval", limit: 50 });
    expect(page.data.map((r) => r.id)).toEqual([hit.id]);
    expect(page.next_cursor).toBeNull();
    expect((await listRequests(t.db, { status: "awaiting_approval", limit: 50 })).data.map((r) => r.tenant_id).sort()).toEqual(["list-b", "list-b", "list-c"]);
  });

  it("refuses a cursor from another list", async () => {
    const bad = Buffer.from(JSON.stringify(["detected_at:desc", "2026-11-21T10:00:00.000Z", "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c"])).toString("base64url");
    await expect(listRequests(t.db, { limit: 5, cursor: bad })).rejects.toMatchObject({ code: "invalid_request" });
  });
});
