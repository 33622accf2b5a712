import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CostGroupRow } from "@/lib/costs/aggregate-costs";
import { pivotCostGroups } from "@/lib/costs/pivot-cost-groups";
import { formatChangePct } from "./anomaly-badge";
import { CostGroupsTable } from "./cost-groups-table";

const row = (period: string, group: string, amountCents: number, extra: Partial<CostGroupRow> = {}): CostGroupRow => ({
  group,
  groupLabel: group,
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

describe("the grouped costs table", () => {
  it("writes a change that rounds to nothing as 0 %, never -0 %", () => {
    expect([-0.04, 0.04, 0, -0.06, 12.4, -149.2].map(formatChangePct)).toEqual(["0 %", "0 %", "0 %", "-0.1 %", "+12 %", "-149 %"]);
  });

  it("keeps a share and its % sign on one line, and shows a change that rounds to 0 in neither red nor green", () => {
    const pivot = pivotCostGroups({
      from: "2026-04-01",
      to: "2026-05-01",
      groupBy: "kind",
      groupBy2: undefined,
      rows: [row("2026-04-01", "droplet", 50_000), row("2026-05-01", "droplet", 49_990, { previousCents: 50_000, changePct: -0.02 })],
      totals: [
        { period: "2026-04-01", currency: "USD", amountCents: 50_000 },
        { period: "2026-05-01", currency: "USD", amountCents: 49_990 },
      ],
    });
    const html = renderToStaticMarkup(<CostGroupsTable pivot={pivot} groups={pivot.groups} dims={{ groupBy: "kind" }} caption="Groups" lineHrefs={{}} />);
    const shareCells = [...html.matchAll(/<td[^>]*>(\d+(?:\.\d)? %)<\/td>/g)];
    expect(shareCells.map((m) => m[1])).toEqual(["100.0 %", "100 %"]);
    for (const m of shareCells) expect(m[0]).toContain("whitespace-nowrap");
    expect(html).toMatch(/<span class="text-xs text-slate-500">0 %/);
  });
});
