import { describe, expect, it } from "vitest";
import { createFxTable } from "./fx-table";

describe("FX rates", () => {
  const table = createFxTable([
    { base: "USD", quote: "AUD", rate: "1.50", effectiveFrom: "2026-01-01" },
    { base: "USD", quote: "AUD", rate: "1.60", effectiveFrom: "2026-04-01" },
    { base: "USD", quote: "AUD", rate: "1.70", effectiveFrom: "2026-05-15" },
  ]);

  it("uses the rate in effect on the month's first day", () => {
    expect(table.rateFor("USD", "AUD", "2026-03-01")).toBe("1.50");
    expect(table.rateFor("USD", "AUD", "2026-04-01")).toBe("1.60");
    // A rate from mid-May applies from June: May's figures do not change when it is entered.
    expect(table.rateFor("USD", "AUD", "2026-05-01")).toBe("1.60");
    expect(table.rateFor("USD", "AUD", "2026-06-01")).toBe("1.70");
  });

  it("never guesses: no earlier rate, no inverse pair; the same currency is 1", () => {
    expect(table.rateFor("USD", "AUD", "2025-12-01")).toBeNull();
    expect(table.rateFor("AUD", "USD", "2026-04-01")).toBeNull();
    expect(table.rateFor("AUD", "AUD", "2020-01-01")).toBe("1");
  });
});

describe("FX rates: fetched reference rates and manual overrides", () => {
  // The ECB publishes on TARGET business days: none on Sunday 1 March 2026 or on 1 May (a TARGET holiday).
  const rows = [
    { base: "USD", quote: "AUD", rate: "1.70000000", effectiveFrom: "2026-02-27", source: "manual" as const },
    { base: "USD", quote: "AUD", rate: "1.50000000", effectiveFrom: "2026-03-02", source: "ecb" as const },
    { base: "USD", quote: "AUD", rate: "1.52000000", effectiveFrom: "2026-04-30", source: "ecb" as const },
    { base: "USD", quote: "AUD", rate: "1.55000000", effectiveFrom: "2026-05-04", source: "ecb" as const },
  ];

  it("a month uses the latest rate dated on or before its first day, and says which one", () => {
    const table = createFxTable(rows);
    // May: 1 May has no reference rate, so 30 April's (1.52) is the one in effect; 4 May's counts from June.
    expect(table.lookup("USD", "AUD", "2026-05-01")).toEqual({ base: "USD", quote: "AUD", rate: "1.52000000", effectiveFrom: "2026-04-30", source: "ecb" });
    expect(table.lookup("USD", "AUD", "2026-04-01")).toMatchObject({ rate: "1.50000000", effectiveFrom: "2026-03-02" });
    // March: the ECB's first March rate is dated the 2nd, after the 1st, so February's manual rate still holds.
    expect(table.lookup("USD", "AUD", "2026-03-01")).toMatchObject({ rate: "1.70000000", effectiveFrom: "2026-02-27", source: "manual" });
    expect(table.lookup("USD", "AUD", "2026-02-01")).toBeNull();
  });

  it("a manual rate of the same pair and date wins over the fetched one, whichever order they come in", () => {
    const manual = { base: "USD", quote: "AUD", rate: "1.60000000", effectiveFrom: "2026-04-30", source: "manual" as const };
    for (const list of [[...rows, manual], [manual, ...rows]]) {
      expect(createFxTable(list).lookup("USD", "AUD", "2026-05-01")).toMatchObject({ rate: "1.60000000", effectiveFrom: "2026-04-30", source: "manual" });
      expect(createFxTable(list).rateFor("USD", "AUD", "2026-05-01")).toBe("1.60000000");
      // A later fetched rate still takes over from the month it is in effect on the first day.
      expect(createFxTable(list).rateFor("USD", "AUD", "2026-06-01")).toBe("1.55000000");
    }
  });

  it("the same currency needs no rate: lookup finds none, rateFor is 1", () => {
    const table = createFxTable(rows);
    expect(table.lookup("AUD", "AUD", "2026-05-01")).toBeNull();
    expect(table.rateFor("AUD", "AUD", "2026-05-01")).toBe("1");
  });
});
