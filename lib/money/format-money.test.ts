import { describe, expect, it } from "vitest";
import { formatDecimalMoney, formatMoney, formatMoneyCompact } from "./format-money";

describe("formatMoney", () => {
  it("names the currency of every dollar, so US and Australian dollars never read alike", () => {
    expect(formatMoney(1240, "USD")).toBe("US$12.40");
    expect(formatMoney(2000, "AUD")).toBe("A$20.00");
    expect(formatMoney(2000, "NZD")).toBe("NZ$20.00");
    expect(formatMoney(2000, "CAD")).toBe("CA$20.00");
  });

  it("uses the plain symbol where it is unambiguous", () => {
    expect(formatMoney(1999, "EUR")).toBe("€19.99");
    expect(formatMoney(1999, "GBP")).toBe("£19.99");
  });

  it("writes negatives with a leading minus and zero without one", () => {
    expect(formatMoney(-100, "USD")).toBe("-US$1.00");
    expect(formatMoney(-5, "EUR")).toBe("-€0.05");
    expect(formatMoney(0, "AUD")).toBe("A$0.00");
    expect(formatMoney(-0, "AUD")).toBe("A$0.00");
  });

  it("groups thousands and stays exact up to the largest cents the database holds", () => {
    expect(formatMoney(123456, "AUD")).toBe("A$1,234.56");
    expect(formatMoney(999_999_999_999_999, "USD")).toBe("US$9,999,999,999,999.99");
  });

  it("shows hundredths for every currency, because every amount is stored in hundredths", () => {
    expect(formatMoney(1234, "JPY")).toBe("JP¥12.34");
  });

  it("shows a sub-cent figure to the digits asked for", () => {
    expect(formatMoney(1.2345, "AUD", { maxFractionDigits: 4 })).toBe("A$0.0123");
    expect(formatMoney(150, "AUD", { maxFractionDigits: 4 })).toBe("A$1.50");
  });

  it("writes a dash for a figure that does not exist", () => {
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(undefined, "USD")).toBe("—");
  });

  it("refuses a currency code Intl does not know", () => {
    expect(() => formatMoney(1, "DOLLARS")).toThrow(RangeError);
  });
});

describe("formatDecimalMoney", () => {
  it("formats the API's decimal strings", () => {
    expect(formatDecimalMoney("1234.50", "USD")).toBe("US$1,234.50");
    expect(formatDecimalMoney("-10.00", "USD")).toBe("-US$10.00");
  });

  it("writes a dash for what is not an amount", () => {
    expect(formatDecimalMoney("n/a", "USD")).toBe("—");
    expect(formatDecimalMoney(null, "USD")).toBe("—");
  });
});

describe("formatMoneyCompact", () => {
  it("keeps a chart axis short, with the currency on every tick", () => {
    expect(formatMoneyCompact(0, "AUD")).toBe("A$0");
    expect(formatMoneyCompact(5000, "USD")).toBe("US$50");
    expect(formatMoneyCompact(250, "USD")).toBe("US$2.5");
    expect(formatMoneyCompact(123_456, "AUD")).toBe("A$1.2k");
    expect(formatMoneyCompact(1_500_000, "AUD")).toBe("A$15k");
    expect(formatMoneyCompact(123_456_789, "AUD")).toBe("A$1.2m");
    expect(formatMoneyCompact(-150_000, "USD")).toBe("-US$1.5k");
  });
});
