import { describe, expect, it } from "vitest";
import { flagInvoiceAnomalies } from "./flag-invoice-anomalies";

const t = { minPct: 50, minCents: 10_000 };
const invoice = (period: string, amount: string, currency = "USD") => ({ period, amount, currency });

describe("flagInvoiceAnomalies", () => {
  it("judges each invoice's amount against the median of the three months before it, with the explorer's rule", () => {
    const flagged = flagInvoiceAnomalies(
      [
        // Newest first, as the invoices view lists them.
        invoice("2026-10-01", "1300.00"),
        invoice("2026-08-01", "1200.00"),
        invoice("2026-07-01", "480.00"),
        invoice("2026-06-01", "300.00"),
        invoice("2026-05-01", "500.00"),
        invoice("2026-04-01", "400.00"),
      ],
      t,
    );
    // August: the median of 500, 300 and 480 is 480.00; 1,200.00 is +150 % and US$720 more.
    expect(flagged.get("2026-08-01|USD")).toEqual({ isAnomaly: true, baselineCents: 48_000, increaseCents: 72_000, increasePct: 150 });
    // July: +20 % on the median of April to June (400.00).
    expect(flagged.get("2026-07-01|USD")).toMatchObject({ isAnomaly: false, baselineCents: 40_000, increasePct: 20 });
    // Fewer than three months before (April to June), or a month without an invoice among them (September): not judged.
    expect(flagged.get("2026-06-01|USD")).toMatchObject({ isAnomaly: false, baselineCents: null });
    expect(flagged.get("2026-10-01|USD")).toMatchObject({ isAnomaly: false, baselineCents: null });
  });

  it("adds up two invoices of one month, and keeps currencies apart", () => {
    const flagged = flagInvoiceAnomalies(
      [
        invoice("2026-01-01", "100.00"),
        invoice("2026-02-01", "100.00"),
        invoice("2026-03-01", "100.00"),
        invoice("2026-04-01", "150.00"),
        invoice("2026-04-01", "100.00"),
        invoice("2026-04-01", "900.00", "AUD"),
      ],
      t,
    );
    expect(flagged.get("2026-04-01|USD")).toMatchObject({ isAnomaly: true, baselineCents: 10_000, increaseCents: 15_000 });
    // The first AUD invoice has no AUD months before it.
    expect(flagged.get("2026-04-01|AUD")).toMatchObject({ isAnomaly: false, baselineCents: null });
  });
});
