import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createTenant } from "@/test/billing-factories";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb, testServerUrl } from "@/test/db";
import { createResource } from "@/test/factories";
import { announceCostAnomalies } from "./announce-cost-anomalies";
import { listCostAnomalies, listMonthAnomalies } from "./list-cost-anomalies";

// An ingest judges its month by kind, project and tenant: one read of the lines for the three, as each read of a
// 100,000-line month (and its three months of history) is a scan (npm run bench -- costs-ingest).
describe.runIf(testServerUrl())("listMonthAnomalies", () => {
  let t: TestDb;
  let client: postgres.Sql;
  let db: Db;
  let statements: string[] = [];
  const thresholds = { minPct: 50, minCents: 10_000 };
  beforeAll(async () => {
    t = await createTestDb();
    client = postgres(t.url!, { max: 2, onnotice: () => {} });
    db = drizzle(client, { schema, logger: { logQuery: (q) => void statements.push(q) } }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await t?.drop();
  });

  it("flags what listCostAnomalies flags in each dimension, from one statement", async () => {
    const tenant = await createTenant(t.db, { name: "Acme Pty" });
    const tagged = await createResource(t.db, { kind: "droplet", tags: [`tenant:${tenant.id}`] });
    const shared = await createResource(t.db, { kind: "volume", tags: [] });
    for (const [month, cents] of [["2026-01", 1_000], ["2026-02", 1_200], ["2026-03", 900], ["2026-04", 60_000]] as const) {
      const invoice = await createInvoice(t.db, { period: `${month}-01` });
      await createCostLine(t.db, invoice, { resourceId: tagged.id, kind: "droplet", projectName: "web", amountCents: cents });
      await createCostLine(t.db, invoice, { resourceId: shared.id, kind: "volume", projectName: "data", amountCents: 5_000 });
      await createCostLine(t.db, invoice, { product: "Taxes", lineType: "tax", amountCents: 300 });
    }
    statements = [];
    const month = await listMonthAnomalies(db, { month: "2026-04-01", tagPrefix: "tenant:", thresholds });
    expect(statements.filter((q) => q.includes("cloud_cost_lines"))).toHaveLength(1);
    for (const dim of ["kind", "project", "tenant"] as const) {
      expect(month.get(dim)).toEqual(await listCostAnomalies(t.db, { month: "2026-04-01", groupBy: dim, tagPrefix: "tenant:", thresholds }));
    }
    expect(month.get("tenant")!.map((r) => [r.group, r.groupLabel, r.amountCents, r.baselineCents])).toEqual([[tenant.id, "Acme Pty", 60_000, 1_000]]);
    expect(month.get("kind")!.map((r) => r.group)).toEqual(["droplet"]);
    expect(month.get("project")!.map((r) => r.group)).toEqual(["web"]);

    statements = [];
    expect(await announceCostAnomalies(db, "2026-04-01", { tagPrefix: "tenant:", thresholds })).toHaveLength(3);
    expect(statements.filter((q) => q.includes("cloud_cost_lines"))).toHaveLength(1);
  });
});
