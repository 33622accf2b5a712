import { describe, expect, it } from "vitest";
import { periodFromHistoryEntry, periodFromInvoicePeriod } from "./invoice-period";
import { periodSchema } from "./schemas";

describe("billing periods", () => {
  it("reads DO's invoice_period as the month's first day", () => {
    expect(periodFromInvoicePeriod("2026-04")).toBe("2026-04-01");
    expect(periodFromInvoicePeriod("2014-12")).toBe("2014-12-01");
    expect(periodFromInvoicePeriod("2026-13")).toBeNull();
    expect(periodFromInvoicePeriod("April 2026")).toBeNull();
  });

  it("takes a history entry's period from its description, else the month before it was issued", () => {
    expect(periodFromHistoryEntry("Invoice for May 2018", "2018-06-01T08:44:38Z")).toBe("2018-05-01");
    expect(periodFromHistoryEntry("Invoice for december 2025", "2026-01-01T08:44:38Z")).toBe("2025-12-01");
    expect(periodFromHistoryEntry("Invoice", "2026-01-01T08:44:38Z")).toBe("2025-12-01");
    expect(periodFromHistoryEntry("Invoice", "not a date")).toBeNull();
  });

  it("accepts YYYY-MM-DD or YYYY-MM in queries and means the month", () => {
    expect(periodSchema.parse("2026-04-01")).toBe("2026-04-01");
    expect(periodSchema.parse("2026-04")).toBe("2026-04-01");
    expect(periodSchema.parse("2026-04-17")).toBe("2026-04-01");
    for (const bad of ["2026-4-01", "2026-00-01", "2026-04-32", "04/2026", ""]) expect(periodSchema.safeParse(bad).success, bad).toBe(false);
  });
});
