import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudResourceEvents } from "@/db/schema";
import { hrefWith } from "@/lib/http/search-params";
import { createTenant } from "@/test/billing-factories";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { aggregateCosts } from "./aggregate-costs";
import { costGroupLinesUrl } from "./cost-group-lines";
import { type CostDimension, costDimensions } from "./cost-dimensions";
import { explorerFilter, summarizeCostLines } from "./explore-cost-lines";
import { parseExplorerQuery } from "./explorer-query";

let t: TestDb;
let webId: string;

/** Two months of lines with every kind of gap: no project, no category, no resource, no tenant, no kind. */
beforeAll(async () => {
  t = await createTestDb();
  await createTenant(t.db, { id: "acme", name: "Acme Pty Ltd" });
  const web = await createResource(t.db, { kind: "droplet", name: "web-a", tags: ["tenant:acme"] });
  const vol = await createResource(t.db, { kind: "volume", name: "vol-b", tags: ["tenant:globex"] });
  const spare = await createResource(t.db, { kind: "droplet", name: "spare", tags: ["env:dev"] });
  webId = web.id;
  // vol-b was Acme's until 10 May.
  await t.db.insert(cloudResourceEvents).values({
    resourceId: vol.id,
    type: "updated",
    at: new Date("2026-05-10T00:00:00Z"),
    payload: { changes: { tags: { old: ["tenant:acme"], new: ["tenant:globex"] } } },
  });
  for (const period of ["2026-04-01", "2026-05-01"]) {
    const invoice = await createInvoice(t.db, { period });
    await createCostLine(t.db, invoice, { kind: "droplet", projectName: "P1", category: "iaas", resourceId: web.id, matchMethod: "id", amountCents: 1_000 });
    await createCostLine(t.db, invoice, { product: "Droplet Backups", kind: "droplet", projectName: "P1", category: "iaas", resourceId: web.id, matchMethod: "id", amountCents: 200 });
    await createCostLine(t.db, invoice, { product: "Volumes", kind: "volume", projectName: "P2", category: "iaas", resourceId: vol.id, matchMethod: "id", amountCents: 300 });
    await createCostLine(t.db, invoice, { kind: "droplet", projectName: "P2", resourceId: spare.id, matchMethod: "name", amountCents: 50 });
    await createCostLine(t.db, invoice, { kind: "droplet", projectName: "P1", category: "iaas", amountCents: 70 });
    await createCostLine(t.db, invoice, { product: "Taxes", lineType: "tax", amountCents: 90 });
    await createCostLine(t.db, invoice, { product: "Credits", lineType: "credit", projectName: "P1", amountCents: -40 });
    await createCostLine(t.db, invoice, { product: "Credits", lineType: "credit", kind: "volume", projectName: "P2", category: "iaas", amountCents: -30 });
    await createCostLine(t.db, invoice, { product: "Support", lineType: "other", category: "support", amountCents: 25 });
  }
});
afterAll(() => t.drop());

const tagPrefix = "tenant:";

describe("a group's lines", () => {
  it("add up to the group's amount, for every dimension and pair of dimensions, in each month", async () => {
    const pairs: [CostDimension, CostDimension | undefined][] = costDimensions.flatMap((a) => [
      [a, undefined] as [CostDimension, undefined],
      ...costDimensions.filter((b) => b !== a).map((b) => [a, b] as [CostDimension, CostDimension]),
    ]);
    let checked = 0;
    for (const [groupBy, groupBy2] of pairs) {
      const { rows } = await aggregateCosts(t.db, { from: "2026-04-01", to: "2026-05-01", groupBy, groupBy2, tagPrefix, thresholds: { minPct: 50, minCents: 10_000 } });
      for (const row of rows) {
        const href = hrefWith(costGroupLinesUrl({ groupBy, groupBy2 }, row));
        const { query, isValid } = parseExplorerQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
        expect(isValid, href).toBe(true);
        const totals = await summarizeCostLines(t.db, explorerFilter(query, tagPrefix));
        expect(totals.totalCents, `${groupBy}/${groupBy2} ${href}`).toBe(row.amountCents);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("link to the lines view with the month and each value, or `none` for what the lines lack", () => {
    const row = { period: "2026-05-01", group: null, group2: "acme" };
    expect(hrefWith(costGroupLinesUrl({ groupBy: "project", groupBy2: "tenant" }, row))).toBe("/costs?period=2026-05-01&tenant=acme&none=project");
    expect(hrefWith(costGroupLinesUrl({ groupBy: "resource" }, { period: "2026-04-01", group: webId, group2: null }))).toBe(`/costs?period=2026-04-01&resource=${webId}`);
    expect(hrefWith(costGroupLinesUrl({ groupBy: "kind", groupBy2: "category" }, { period: "2026-04-01", group: "tax", group2: null }))).toBe(
      "/costs?period=2026-04-01&kind=tax&none=category",
    );
  });

  it("in the lines view's URL: a bad value of one of the new filters is dropped, not a failed page", () => {
    const { query, isValid } = parseExplorerQuery({ period: "2026-04", resource: "not-a-uuid", none: "project,colour", kind: "tax", product: "Volumes" });
    expect(isValid).toBe(false);
    expect([query.resource, query.none, query.kind, query.product]).toEqual([undefined, [], "tax", "Volumes"]);
    expect(parseExplorerQuery({ none: "tenant,project" }).query.none).toEqual(["tenant", "project"]);
  });
});
