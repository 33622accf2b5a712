import { describe, expect, it } from "vitest";
import { snapshotBalance } from "@/lib/costs/snapshot-balance";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { adminToken, tenantToken } from "@/test/jwt";
import { GET } from "./route";

const getDb = setupAppTestDb();

async function call(token: string | undefined = adminToken()) {
  const res = await GET(apiRequest("/api/v1/billing/balance", { token }));
  return { status: res.status, body: (await res.json()) as any };
}

const balance = (usage: string, generatedAt: string) => ({
  getBalance: async () => ({ month_to_date_balance: usage, month_to_date_usage: usage, account_balance: "-25.00", generated_at: generatedAt }),
});

describe("GET /api/v1/billing/balance", () => {
  it("is 404 until the first snapshot", async () => {
    const r = await call();
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain("snapshot-balance");
  });

  it("answers the latest snapshot with money as two-decimal strings", async () => {
    await snapshotBalance(getDb().db, balance("10.5", "2026-05-15T11:00:00Z"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await snapshotBalance(getDb().db, balance("1234.56", "2026-05-15T12:00:00Z"));
    const r = await call();
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({
      month_to_date_balance: "1234.56",
      month_to_date_usage: "1234.56",
      account_balance: "-25.00",
      currency: "USD",
      generated_at: "2026-05-15T12:00:00.000Z",
      taken_at: expect.any(String),
    });
  });

  it("refuses a DO figure with sub-cent digits rather than rounding it", async () => {
    await expect(snapshotBalance(getDb().db, balance("1.005", "2026-05-15T12:00:00Z"))).rejects.toThrow("not an amount in whole cents");
  });

  it("is for platform admins only", async () => {
    expect((await call(tenantToken())).status).toBe(403);
  });
});
