import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { usageRecords } from "@/db/schema";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { provisioningDeps, subscribeTenant } from "@/test/provisioning-factories";
import { createProvisioningRequest } from "./create-request";
import { runRequestInProcess } from "./run-in-process";

// A create re-meters its tenant's month, and only that: 100 concurrent creates each computing the whole account's
// margin report (to announce margin events, the metering job's business) made every request's cost grow with the
// account, inside the meter's transaction (npm run bench -- provisioning).
describe.runIf(testServerUrl())("a create's meter step", () => {
  let t: TestDb;
  let fake: FakeDo;
  let client: postgres.Sql;
  let db: Db;
  let statements: string[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeDo({ seed: 21, droplets: 2, actionDurationMs: 30 });
    client = postgres(t.url!, { max: 4, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    db = drizzle(client, { schema, logger: { logQuery: (q) => void statements.push(q) } }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await fake?.close();
    await t?.drop();
  });

  it("meters the tenant without reading the margin report's inputs (fx rates, the target margin)", async () => {
    const deps = provisioningDeps(db, fake.url);
    const { tenantId } = await subscribeTenant(t.db);
    const { item } = await createProvisioningRequest(deps, {
      body: { tenant_id: tenantId, action: "create_droplet", params: { name: `tenant-${tenantId}-web`, region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" } },
      idempotencyKey: randomUUID(),
      requestedBy: "arcadia-app:user-1",
    });
    statements = [];
    expect(await runRequestInProcess(deps, item.id)).toBe("succeeded");
    const [metered] = await t.db.select().from(usageRecords).where(and(eq(usageRecords.tenantId, tenantId), eq(usageRecords.resourceKind, "droplet_hours")));
    expect(Number(metered?.quantity)).toBeGreaterThan(0);
    expect(statements.filter((q) => /\b(fx_rates|platform_settings)\b/.test(q))).toEqual([]);
  });
});
