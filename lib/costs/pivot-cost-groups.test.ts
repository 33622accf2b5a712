import { describe, expect, it } from "vitest";
import type { CostGroupRow, CostGroupsResult } from "./aggregate-costs";
import { pivotCostGroups, toCostChart } from "./pivot-cost-groups";

const row = (period: string, group: string | null, amountCents: number, extra: Partial<CostGroupRow> = {}): CostGroupRow => ({
  group,
  groupLabel: group ?? "No project",
  group2: null,
  group2Label: null,
  period,
  currency: "USD",
  amountCents,
  previousCents: null,
  changePct: null,
  sharePct: null,
  baselineCents: null,
  isAnomaly: false,
  ...extra,
});

/** Three months by project: A 10 + 30 + 60 = 100.00, B 50 + 50 = 100.00 (B before A by name), C 20.00, none 5.00. */
const result: CostGroupsResult = {
  from: "2026-04-01",
  to: "2026-06-01",
  groupBy: "project",
  groupBy2: undefined,
  rows: [
    row("2026-04-01", "B", 5_000),
    row("2026-04-01", "A", 1_000),
    row("2026-05-01", "B", 5_000),
    row("2026-05-01", "A", 3_000, { changePct: 200, previousCents: 1_000 }),
    row("2026-05-01", "C", 2_000),
    row("2026-06-01", "A", 6_000, { isAnomaly: true, baselineCents: 1_000 }),
    row("2026-06-01", null, 500),
  ],
  totals: [
    { period: "2026-04-01", currency: "USD", amountCents: 6_000 },
    { period: "2026-05-01", currency: "USD", amountCents: 10_000 },
    { period: "2026-06-01", currency: "USD", amountCents: 6_500 },
  ],
};

describe("pivotCostGroups", () => {
  it("makes one row per group with its months, its total over the range and its share of the range's total", () => {
    const pivot = pivotCostGroups(result);
    expect(pivot.months).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
    // Range total 225.00: A and B 44.44 % each, C 8.89 %, no project 2.22 %.
    expect(pivot.groups.map((g) => [g.groupLabel, g.totalCents, g.sharePct, g.anomalyMonths])).toEqual([
      ["A", 10_000, 44.44, ["2026-06-01"]],
      ["B", 10_000, 44.44, []],
      ["C", 2_000, 8.89, []],
      ["No project", 500, 2.22, []],
    ]);
    expect(pivot.groups[0]!.cells["2026-05-01"]).toMatchObject({ amountCents: 3_000, changePct: 200 });
    expect(pivot.groups[2]!.cells["2026-04-01"]).toBeUndefined();
    expect(pivot.totals).toEqual([{ currency: "USD", totalCents: 22_500, byMonth: { "2026-04-01": 6_000, "2026-05-01": 10_000, "2026-06-01": 6_500 } }]);
    expect(pivot.anomalyCount).toBe(1);
  });
});

describe("toCostChart", () => {
  it("stacks the top N groups by total and sums the rest per month as Other", () => {
    const chart = toCostChart(pivotCostGroups(result), 2);
    expect(chart.currency).toBe("USD");
    expect(chart.series.map((s) => [s.key, s.label, s.isOther])).toEqual([
      [expect.any(String), "A", false],
      [expect.any(String), "B", false],
      ["other", "Other (2 groups)", true],
    ]);
    const [a, b] = chart.series.map((s) => s.key);
    expect(chart.months).toEqual([
      { period: "2026-04-01", values: { [a!]: 1_000, [b!]: 5_000, other: 0 } },
      { period: "2026-05-01", values: { [a!]: 3_000, [b!]: 5_000, other: 2_000 } },
      { period: "2026-06-01", values: { [a!]: 6_000, [b!]: 0, other: 500 } },
    ]);
  });

  it("has no Other when every group fits", () => {
    const chart = toCostChart(pivotCostGroups(result), 8);
    expect(chart.series.map((s) => s.label)).toEqual(["A", "B", "C", "No project"]);
    expect(chart.months[0]!.values).not.toHaveProperty("other");
  });
});

describe("toCostChart's colors", () => {
  it("never gives two stacks one color: kinds keep theirs, tax and other take colors no drawn kind has", () => {
    // By kind as the demo has it: droplets, tax, volumes, apps, other, … (tax and other have no kind color).
    const kinds = ["droplet", "tax", "volume", "database", "kubernetes_cluster", "app", "load_balancer", "other", "reserved_ip", "snapshot"];
    const byKind: CostGroupsResult = {
      ...result,
      groupBy: "kind",
      rows: kinds.map((k, i) => row("2026-04-01", k, 10_000 - i * 100, { groupLabel: k })),
      totals: [{ period: "2026-04-01", currency: "USD", amountCents: 100_000 }],
    };
    const chart = toCostChart(pivotCostGroups(byKind), 8, { isKind: true });
    const colors = chart.series.map((s) => s.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(chart.series[0]).toMatchObject({ color: "#0369a1" }); // droplets, as on every page
  });
});
