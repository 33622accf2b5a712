import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ChartMonth } from "@/lib/billing/chart-months";
import { MarginMonthTable } from "./margin-month-table";

const month = (overrides: Partial<ChartMonth>): ChartMonth => ({
  period: "2025-11-01",
  revenue: 5000,
  cogs: 1600,
  margin: 3400,
  marginPct: 68,
  isEstimate: false,
  fxMissing: false,
  hasCogs: true,
  missingPairs: [],
  byKind: { droplet: 1600 },
  ratesUsed: [],
  ...overrides,
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("MarginMonthTable", () => {
  it("says which rate each month used: pair, rate, source and date", () => {
    const html = renderToStaticMarkup(
      <MarginMonthTable months={[month({ ratesUsed: [{ base: "USD", quote: "AUD", rate: "1.60000000", effectiveFrom: "2025-10-31", source: "ecb" }] })]} currency="AUD" />,
    );
    expect(text(html)).toContain("Exchange rate used");
    expect(text(html)).toContain("USD→AUD 1.6 (ECB, 2025-10-31)");
  });

  it("without the rate: revenue shown, COGS, margin and kinds not, and the missing pair named", () => {
    const html = renderToStaticMarkup(
      <MarginMonthTable months={[month({ cogs: null, margin: null, marginPct: null, fxMissing: true, missingPairs: ["USD/AUD"], byKind: {} })]} currency="AUD" />,
    );
    const row = text(html.slice(html.indexOf("<tbody")));
    expect(row).toContain("No USD→AUD rate");
    expect(row).toMatch(/A\$50\.00 — — —/);
    expect(row).toContain("none");
  });
});
