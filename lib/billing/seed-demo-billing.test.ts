import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { createTestDb, type TestDb } from "@/test/db";
import { seedDemoBilling } from "./seed-demo-billing";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedStarterCatalog(t.db);
});
afterAll(() => t.drop());

describe("seedDemoBilling", () => {
  it("subscribes the demo tenants once: a second run changes nothing", async () => {
    expect(await seedDemoBilling(t.db)).toBe("demo billing: 4 subscriptions created");
    expect(await seedDemoBilling(t.db)).toBe("demo billing: 0 subscriptions created");
    const rows = await t.db.select().from(subscriptions);
    expect(rows.map((r) => [r.id, r.tenantId, r.status]).sort()).toEqual([
      ["demo-acme", "acme", "active"],
      ["demo-globex", "globex", "active"],
      ["demo-initech", "initech", "active"],
      ["demo-umbrella", "umbrella", "active"],
    ]);
  });
});
