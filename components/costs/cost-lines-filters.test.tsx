import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseExplorerQuery } from "@/lib/costs/explorer-query";
import type { InvoicePeriod } from "@/lib/costs/list-invoice-periods";
import { CostLinesFilters } from "./cost-lines-filters";

const period = (p: string, amountCents: number, status: InvoicePeriod["status"] = "ingested"): InvoicePeriod => ({
  period: p,
  invoiceUuid: `uuid-${p}`,
  status,
  lineCount: 3,
  amountCents,
  currency: "USD",
  linesTotalCents: amountCents,
});

function periodSelect(periods: InvoicePeriod[]): string {
  const { query } = parseExplorerQuery({ period: periods[0]!.period });
  const html = renderToStaticMarkup(<CostLinesFilters query={query} periods={periods} facets={{ kinds: [], projects: ["a-very-long-project-name"], categories: [] }} />);
  const select = html.match(/<select[^>]*id="cl-period"[^>]*>.*?<\/select>/)?.[0];
  if (!select) throw new Error("no period select");
  return select;
}

describe("the explorer's period picker", () => {
  it("names each month as every other page does, with its invoice's amount and currency", () => {
    const select = periodSelect([period("2026-09-01", 1_234_567), period("2026-06-01", 8_692), period("2026-05-01", 0, "failed")]);
    const labels = [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
    expect(labels).toEqual(["Sep 2026 · US$12,345.67", "Jun 2026 · US$86.92", "May 2026 · failed"]);
  });

  it("is as wide as its longest label, so no amount is cut off (the other menus may be capped)", () => {
    expect(periodSelect([period("2026-09-01", 1_234_567)])).not.toMatch(/class="[^"]*max-w-/);
  });
});
