import { describe, expect, it } from "vitest";
import { describeMissingRates, describeRateUsed, formatRate } from "./describe-fx";

describe("how the margin pages name rates", () => {
  it("a rate without its trailing zeros, and which one a month used", () => {
    expect(formatRate("1.53105619")).toBe("1.53105619");
    expect(formatRate("1.50000000")).toBe("1.5");
    expect(formatRate("2.00000000")).toBe("2");
    expect(describeRateUsed({ base: "USD", quote: "AUD", rate: "1.53100000", effectiveFrom: "2026-04-30", source: "ecb" })).toBe("USD→AUD 1.531 (ECB, 30 Apr 2026)");
    expect(describeRateUsed({ base: "USD", quote: "AUD", rate: "1.60000000", effectiveFrom: "2026-04-01", source: "manual" })).toBe("USD→AUD 1.6 (manual, 1 Apr 2026)");
  });

  it("what is missing: COGS and margin when only COGS needs the rate, revenue kept", () => {
    expect(describeMissingRates([{ period: "2025-11-01", missingPairs: ["USD/AUD"], isRevenueMissing: false, isCogsMissing: true }], "AUD")).toBe(
      "No USD→AUD exchange rate for Nov 2025, so its COGS and margin are not shown rather than guessed; revenue in AUD needs no rate.",
    );
  });

  it("several months and pairs, revenue missing too in one of them", () => {
    const text = describeMissingRates(
      [
        { period: "2025-10-01", missingPairs: ["USD/AUD"], isRevenueMissing: false, isCogsMissing: true },
        { period: "2025-11-01", missingPairs: ["NZD/AUD", "USD/AUD"], isRevenueMissing: true, isCogsMissing: true },
      ],
      "AUD",
    );
    expect(text).toBe("No NZD→AUD, USD→AUD exchange rate for 2 months, so their revenue, COGS and margin are not shown rather than guessed.");
  });

  it("nothing missing: no message", () => {
    expect(describeMissingRates([], "AUD")).toBeNull();
  });
});
