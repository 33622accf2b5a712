import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ChartMonth } from "@/lib/billing/chart-months";
import { EstimateReconciliationTable, MarginMonthTable } from "./margin-month-table";

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
  basisLabel: null,
  isCogsUnknown: false,
  projection: null,
  unbilledCogs: 0,
  unbilledTenants: 0,
  reconciliation: null,
  ...overrides,
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("MarginMonthTable", () => {
  it("says which rate each month used: pair, rate, source and date", () => {
    const html = renderToStaticMarkup(
      <MarginMonthTable months={[month({ ratesUsed: [{ base: "USD", quote: "AUD", rate: "1.60000000", effectiveFrom: "2025-10-31", source: "ecb" }] })]} currency="AUD" />,
    );
    expect(text(html)).toContain("Exchange rate used");
    expect(text(html)).toContain("USD→AUD 1.6 (ECB, 31 Oct 2025)");
  });

  it("without the rate: revenue shown, COGS, margin and kinds not, and the missing pair named", () => {
    const html = renderToStaticMarkup(
      <MarginMonthTable months={[month({ cogs: null, margin: null, marginPct: null, fxMissing: true, missingPairs: ["USD/AUD"], byKind: {}, unbilledCogs: null })]} currency="AUD" />,
    );
    const row = text(html.slice(html.indexOf("<tbody")));
    expect(row).toContain("No USD→AUD rate");
    expect(row).toMatch(/A\$50\.00 — — — —/);
    expect(row).toContain("none");
  });

  it("labels the month without an invoice as an estimate with its basis, and its projection to month end", () => {
    const html = renderToStaticMarkup(
      <MarginMonthTable
        months={[
          month({
            period: "2026-12-01",
            isEstimate: true,
            revenue: 190,
            cogs: 120,
            margin: 70,
            marginPct: 36.84,
            unbilledCogs: null,
            basisLabel: "estimate from the 14:07 snapshot of 1 Dec (UTC), 1 day into the month",
            projection: { revenue: 10000, cogs: 6324, margin: 3676, marginPct: 36.76 },
          }),
        ]}
        currency="AUD"
      />,
    );
    const row = text(html.slice(html.indexOf("<tbody")));
    expect(row).toContain("Dec 2026 Estimate To date: estimate from the 14:07 snapshot of 1 Dec (UTC), 1 day into the month.");
    expect(row).toContain("Projected to month end: revenue A$100.00, COGS A$63.24, margin A$36.76 (36.76 %).");
    expect(row).toContain("A$1.90 A$1.20 A$0.70 36.84 %");
  });

  it("a month with no COGS figure shows no margin and says why; leakage has its column", () => {
    const none = text(renderToStaticMarkup(<MarginMonthTable months={[month({ cogs: null, margin: null, marginPct: null, hasCogs: false, isCogsUnknown: true, byKind: {}, unbilledCogs: null })]} currency="AUD" />));
    expect(none).toContain("No COGS");
    expect(none).toContain("No invoice and no balance snapshot: COGS unknown, so no margin.");
    expect(none).toMatch(/A\$50\.00 — — —/);
    const leaking = text(renderToStaticMarkup(<MarginMonthTable months={[month({ unbilledCogs: 450, unbilledTenants: 2 })]} currency="AUD" />));
    expect(leaking).toContain("Unbilled COGS");
    expect(leaking).toContain("68.00 % A$4.50");
  });
});

describe("EstimateReconciliationTable", () => {
  it("sets each invoiced month's last estimate against its invoice: difference and %", () => {
    const html = renderToStaticMarkup(
      <EstimateReconciliationTable
        months={[
          month({}),
          month({
            period: "2026-04-01",
            reconciliation: { estimatedCogs: 2813, invoiceCogs: 3045, difference: -232, differencePct: -7.62, basisLabel: "estimate from the 00:00 snapshot of 25 Apr (UTC), 24 days into the month" },
          }),
        ]}
        currency="AUD"
      />,
    );
    const t = text(html);
    expect(t).toContain("Apr 2026 A$28.13 A$30.45 -A$2.32 -7.62 % estimate from the 00:00 snapshot of 25 Apr (UTC), 24 days into the month");
    expect(t).not.toContain("Nov 2025");
  });

  it("says when no month has both yet", () => {
    expect(text(renderToStaticMarkup(<EstimateReconciliationTable months={[month({})]} currency="AUD" />))).toContain("No month in this range has both an estimate and an invoice yet");
  });
});
