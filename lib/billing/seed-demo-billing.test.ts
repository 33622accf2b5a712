import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { createTestDb, type TestDb } from "@/test/db";
import { generateAccount } from "@/test/fake-do/generate-account";
import { demoSubscriptions, demoUnbilledTenants, seedDemoBilling } from "./seed-demo-billing";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedStarterCatalog(t.db);
});
afterAll(() => t.drop());

describe("seedDemoBilling", () => {
  it("subscribes the demo tenants and publishes Pro's price change once: a second run changes nothing", async () => {
    const now = new Date("2026-12-01T22:00:00Z");
    // Globex's bandwidth, one record per full month since January 2024.
    expect(await seedDemoBilling(t.db, now)).toBe("demo billing: 6 subscriptions created, Pro's price change published, 35 usage records");
    expect(await seedDemoBilling(t.db, now)).toBe("demo billing: 0 subscriptions created, no price change, 0 usage records");
    const rows = await t.db.select().from(subscriptions);
    expect(rows.map((r) => [r.id, r.tenantId, r.status]).sort()).toEqual([
      ["demo-acme", "acme", "active"],
      ["demo-globex", "globex", "active"],
      ["demo-initech", "initech", "active"],
      ["demo-stark", "stark", "active"],
      ["demo-umbrella", "umbrella", "active"],
      ["demo-wonka", "wonka", "active"],
    ]);
  });

  it("leaves exactly two of the demo account's tagged tenants unsubscribed, and tags no shared pool as a tenant", () => {
    const account = generateAccount({ seed: 1, now: new Date("2026-12-01T00:00:00Z") });
    const tagged = new Set(account.droplets.flatMap((d) => d.tags.filter((tag) => tag.startsWith("tenant:")).map((tag) => tag.slice(7))));
    const subscribed = new Set<string>(demoSubscriptions.map((s) => s.tenant));
    expect([...tagged].filter((id) => !subscribed.has(id)).sort()).toEqual([...demoUnbilledTenants]);
    expect(tagged.has("shared")).toBe(false);
  });
});
