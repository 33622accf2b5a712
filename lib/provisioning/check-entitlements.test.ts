import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { usageRecords } from "@/db/schema";
import { toPeriod } from "@/lib/billing/month";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { subscribeTenant } from "@/test/provisioning-factories";
import { checkEntitlements } from "./check-entitlements";

// Every accepted request checks its tenant's plan under the tenant's lock: reading every tenant's subscriptions and
// usage there made each request's cost grow with the account (npm run bench -- provisioning).
describe.runIf(testServerUrl())("the entitlement check", () => {
  let t: TestDb;
  let client: postgres.Sql;
  let db: Db;
  let statements: { query: string; params: unknown[] }[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    client = postgres(t.url!, { max: 2, onnotice: () => {} });
    db = drizzle(client, { schema, logger: { logQuery: (query, params) => void statements.push({ query, params }) } }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await t?.drop();
  });

  it("reads only its tenant's subscriptions, usage and name, however many tenants there are", async () => {
    const now = new Date();
    const period = toPeriod(now);
    const tenants = [];
    for (let i = 0; i < 3; i++) tenants.push((await subscribeTenant(t.db)).tenantId);
    for (const tenantId of tenants) {
      await t.db.insert(usageRecords).values({ clientKey: `meter:${tenantId}`, tenantId, resourceKind: "droplet_hours", period, quantity: "10.000000", source: "meter" });
    }
    const [tenantId] = tenants;
    statements = [];
    await db.transaction((tx) => checkEntitlements(tx, tenantId!, { monthlyCogsCents: 600, adds: { droplet_hours: 1 }, size: "s-1vcpu-1gb", period, target: null }, now));
    const perTenant = statements.filter((s) => /\b(from|join) "?(subscriptions|usage_records|tenants|subscription_addons|subscription_migrations|subscription_status_changes)"?\s/i.test(s.query));
    expect(perTenant.length).toBeGreaterThan(0);
    for (const s of perTenant) expect({ query: s.query, names: s.params.some((p) => String(p).includes(tenantId!)) }).toEqual({ query: s.query, names: true });
  });
});
