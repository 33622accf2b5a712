import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudResourceEvents } from "@/db/schema";
import { createTenant } from "@/test/billing-factories";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { aggregateCosts, type AggregateCostsInput } from "./aggregate-costs";
import { listCostAnomalies } from "./list-cost-anomalies";

let t: TestDb;
let webId: string;
const thresholds = { minPct: 50, minCents: 10_000 };

/**
 * Six months of an account, by hand: a droplet (web-a, Acme's, project P1) costing 100, 100, 120, 110, 400 and
 * 400.00; a volume (vol-b, project P2, tagged for Acme until 15 June, then Globex) at 20.00 a month and 30.00 in
 * June; a 13.00 tax in April and a 5.00 account credit in June.
 */
beforeAll(async () => {
  t = await createTestDb();
  await createTenant(t.db, { id: "acme", name: "Acme Pty Ltd" });
  const web = await createResource(t.db, { kind: "droplet", name: "web-a", tags: ["tenant:acme"] });
  const vol = await createResource(t.db, { kind: "volume", name: "vol-b", tags: ["env:prod", "tenant:globex"] });
  webId = web.id;
  await t.db.insert(cloudResourceEvents).values({
    resourceId: vol.id,
    type: "updated",
    at: new Date("2026-06-15T00:00:00Z"),
    payload: { changes: { tags: { old: ["env:prod", "tenant:acme"], new: ["env:prod", "tenant:globex"] } } },
  });
  const droplet = [10_000, 10_000, 12_000, 11_000, 40_000, 40_000];
  const volume = [2_000, 2_000, 2_000, 2_000, 2_000, 3_000];
  for (let m = 0; m < 6; m++) {
    const invoice = await createInvoice(t.db, { period: `2026-0${m + 1}-01` });
    const common = { lineType: "resource" as const, category: "iaas", matchMethod: "id" as const };
    await createCostLine(t.db, invoice, { ...common, product: "Droplets", kind: "droplet", projectName: "P1", resourceId: web.id, amountCents: droplet[m]! });
    await createCostLine(t.db, invoice, { ...common, product: "Volumes", kind: "volume", projectName: "P2", resourceId: vol.id, amountCents: volume[m]! });
    if (m === 3) await createCostLine(t.db, invoice, { product: "Taxes", lineType: "tax", amountCents: 1_300 });
    if (m === 5) await createCostLine(t.db, invoice, { product: "Credits", lineType: "credit", projectName: "P1", amountCents: -500 });
  }
});
afterAll(() => t.drop());

const aggregate = (q: Partial<AggregateCostsInput>) =>
  aggregateCosts(t.db, { from: "2026-04-01", to: "2026-06-01", groupBy: "kind", tagPrefix: "tenant:", thresholds, ...q });
const table = (rows: Awaited<ReturnType<typeof aggregate>>["rows"]) =>
  rows.map((r) => [r.period.slice(0, 7), r.groupLabel, ...(r.group2Label ? [r.group2Label] : []), r.amountCents, r.sharePct, r.previousCents, r.changePct, r.baselineCents, r.isAnomaly]);

describe("costs grouped by a dimension over a range of months", () => {
  it("by kind: each month's groups with share of the month, change on the month before and the anomaly verdict", async () => {
    const result = await aggregate({});
    // month, group, cents, share %, previous, change %, median of the 3 months before, anomaly
    expect(table(result.rows)).toEqual([
      // April: total 143.00. Droplets' median of Jan–Mar is 100.00; the tax is new (its three months before are 0).
      ["2026-04", "Droplets", 11_000, 76.92, 12_000, -8.33, 10_000, false],
      ["2026-04", "Volumes", 2_000, 13.99, 2_000, 0, 2_000, false],
      ["2026-04", "Tax", 1_300, 9.09, 0, null, 0, false],
      // May: 400.00 against a median of 110.00 (Feb–Apr): +263.64 % and US$290 more.
      ["2026-05", "Droplets", 40_000, 95.24, 11_000, 263.64, 11_000, true],
      ["2026-05", "Volumes", 2_000, 4.76, 2_000, 0, 2_000, false],
      // June: the median of 120, 110 and 400 is 120.00, so 400.00 is still far above it.
      ["2026-06", "Droplets", 40_000, 94.12, 40_000, 0, 12_000, true],
      ["2026-06", "Volumes", 3_000, 7.06, 2_000, 50, 2_000, false],
      ["2026-06", "Credits", -500, -1.18, 0, null, 0, false],
    ]);
    expect(result.totals).toEqual([
      { period: "2026-04-01", currency: "USD", amountCents: 14_300 },
      { period: "2026-05-01", currency: "USD", amountCents: 42_000 },
      { period: "2026-06-01", currency: "USD", amountCents: 42_500 },
    ]);
    expect(result.rows.every((r) => r.currency === "USD" && r.group2 === null)).toBe(true);
  });

  it("does not judge a month with fewer than three months of cost data before it", async () => {
    const { rows } = await aggregate({ from: "2026-01-01", to: "2026-04-01" });
    const droplets = rows.filter((r) => r.group === "droplet").map((r) => [r.period.slice(0, 7), r.previousCents, r.baselineCents]);
    expect(droplets).toEqual([
      ["2026-01", null, null],
      ["2026-02", 10_000, null],
      ["2026-03", 10_000, null],
      ["2026-04", 12_000, 10_000],
    ]);
  });

  it("by tenant: a line is the tenant's its resource was tagged for at the end of the line's month", async () => {
    const { rows } = await aggregate({ groupBy: "tenant" });
    expect(rows.map((r) => [r.period.slice(0, 7), r.group, r.groupLabel, r.amountCents, r.baselineCents, r.isAnomaly])).toEqual([
      // The volume was Acme's until 15 June: its April and May lines are Acme's.
      ["2026-04", "acme", "Acme Pty Ltd", 13_000, 12_000, false],
      ["2026-04", null, "Shared (no tenant)", 1_300, 0, false],
      ["2026-05", "acme", "Acme Pty Ltd", 42_000, 13_000, true],
      // Acme's months before June: 140, 130, 420 → median 140.00.
      ["2026-06", "acme", "Acme Pty Ltd", 40_000, 14_000, true],
      // A tenant arcadia-app never sent keeps its tag's id as its name.
      ["2026-06", "globex", "globex", 3_000, 0, false],
      ["2026-06", null, "Shared (no tenant)", -500, 0, false],
    ]);
  });

  it("by resource, product, project and category: absent values are a group of their own", async () => {
    const june = async (groupBy: AggregateCostsInput["groupBy"]) =>
      (await aggregate({ groupBy, from: "2026-06-01" })).rows.map((r) => [r.group === webId ? "web-id" : r.group, r.groupLabel, r.amountCents]);
    expect((await june("resource")).slice(0, 1)).toEqual([["web-id", "web-a", 40_000]]);
    expect((await june("resource"))[2]).toEqual([null, "Not matched to a resource", -500]);
    expect(await june("product")).toEqual([
      ["Droplets", "Droplets", 40_000],
      ["Volumes", "Volumes", 3_000],
      ["Credits", "Credits", -500],
    ]);
    expect(await june("project")).toEqual([
      ["P1", "P1", 39_500],
      ["P2", "P2", 3_000],
    ]);
    expect(await june("category")).toEqual([
      ["iaas", "iaas", 43_000],
      [null, "No category", -500],
    ]);
  });

  it("by two dimensions: each pair is a group with its own history", async () => {
    const { rows } = await aggregate({ groupBy: "project", groupBy2: "kind" });
    expect(table(rows.filter((r) => r.period === "2026-06-01"))).toEqual([
      ["2026-06", "P1", "Droplets", 40_000, 94.12, 40_000, 0, 12_000, true],
      ["2026-06", "P2", "Volumes", 3_000, 7.06, 2_000, 50, 2_000, false],
      ["2026-06", "P1", "Credits", -500, -1.18, 0, null, 0, false],
    ]);
    const april = rows.filter((r) => r.period === "2026-04-01").map((r) => [r.group, r.group2, r.group2Label]);
    expect(april).toContainEqual([null, "tax", "Tax"]);
    const tenantByResource = await aggregate({ groupBy: "tenant", groupBy2: "resource", from: "2026-05-01", to: "2026-05-01" });
    expect(tenantByResource.rows.map((r) => [r.groupLabel, r.group2Label, r.amountCents])).toEqual([
      ["Acme Pty Ltd", "web-a", 40_000],
      ["Acme Pty Ltd", "vol-b", 2_000],
    ]);
  });

  it("takes the thresholds it is given", async () => {
    const { rows } = await aggregate({ thresholds: { minPct: 300, minCents: 10_000 } });
    expect(rows.filter((r) => r.isAnomaly).map((r) => [r.period, r.group])).toEqual([]);
    const loose = await aggregate({ thresholds: { minPct: 40, minCents: 900 } });
    expect(loose.rows.filter((r) => r.isAnomaly).map((r) => [r.period.slice(0, 7), r.group])).toEqual([
      ["2026-04", "tax"],
      ["2026-05", "droplet"],
      ["2026-06", "droplet"],
      ["2026-06", "volume"],
    ]);
  });
});

describe("listCostAnomalies", () => {
  it("names the groups of one month that the rule flags, for notifications", async () => {
    const anomalies = await listCostAnomalies(t.db, { month: "2026-06-01", groupBy: "kind", tagPrefix: "tenant:", thresholds });
    expect(anomalies.map((a) => [a.group, a.amountCents, a.baselineCents, a.currency])).toEqual([["droplet", 40_000, 12_000, "USD"]]);
    expect(await listCostAnomalies(t.db, { month: "2026-04-01", groupBy: "kind", tagPrefix: "tenant:", thresholds })).toEqual([]);
  });
});
