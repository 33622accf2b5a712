import { describe, expect, it } from "vitest";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { adminToken } from "@/test/jwt";
import { POST } from "./route";

setupAppTestDb();

const post = async (body: unknown) => {
  const res = await POST(apiRequest("/api/v1/usage", { method: "POST", token: adminToken(), body: JSON.stringify(body) }));
  return { status: res.status, body: (await res.json()) as any };
};

const record = { key: "llm-acme-1", tenant_id: "acme", resource_kind: "llm_tokens", quantity: 1250000, occurred_at: "2026-04-30T23:59:00+10:00" };

describe("POST /api/v1/usage", () => {
  it("records once per key: 201, then 200 with the same record on a replay", async () => {
    const first = await post(record);
    expect(first.status).toBe(201);
    // 23:59 in Sydney on 30 April is 13:59 UTC: April.
    expect(first.body.data).toMatchObject({ key: "llm-acme-1", tenant_id: "acme", quantity: "1250000.000000", month: "2026-04" });
    const replay = await post({ ...record, quantity: "1250000.0" });
    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual(first.body.data);
  });

  it("answers 409 for the same key with other figures, and keeps the first", async () => {
    const r = await post({ ...record, quantity: 5 });
    expect(r.status).toBe(409);
    expect(r.body.error.details.quantity).toBe("1250000.000000");
  });

  it("refuses meter: keys, negative quantities and unknown kinds", async () => {
    expect((await post({ ...record, key: "meter:2026-04:acme:llm_tokens" })).status).toBe(400);
    expect((await post({ ...record, key: "k2", quantity: -1 })).status).toBe(400);
    expect((await post({ ...record, key: "k3", resource_kind: "gpu_hours" })).status).toBe(400);
  });
});
