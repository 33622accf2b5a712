import { describe, expect, it } from "vitest";
import { dollarNumberToCents, parseAmountCents, parseDoMoney } from "./parse-amount-cents";

describe("parseAmountCents", () => {
  it.each([
    ["$3.11", 311],
    ["$0.04", 4],
    ["$0.00", 0],
    ["-$0.00", 0],
    ["-$1.00", -100],
    ["$-1.00", -100],
    ["($5.00)", -500],
    ["(5.00)", -500],
    ["$1,234.56", 123456],
    ["$1,234,567", 123456700],
    ["$3.1", 310],
    ["$3", 300],
    ["12.34", 1234],
    ["-12", -1200],
    [" $ 7.05 ", 705],
    ["$007.50", 750],
    ["$9999999999999.99", 999999999999999],
  ])("reads %j as %d cents", (text, cents) => {
    expect(parseAmountCents(text)).toBe(cents);
  });

  it("never returns negative zero", () => {
    expect(Object.is(parseAmountCents("-$0.00"), 0)).toBe(true);
    expect(Object.is(parseAmountCents("($0)"), 0)).toBe(true);
  });

  it("is exact where floats are not", () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseAmountCents("$0.29")).toBe(29);
    expect(parseAmountCents("$1,000,000.07")).toBe(100000007);
  });

  it.each([
    "",
    "$",
    "$12.x",
    "$3.111",
    "$3.",
    "$.50",
    "12,34.00",
    "1234,567.00",
    "--1",
    "-$-1",
    "-($1.00)",
    "($-1.00)",
    "$1 000",
    "1e3",
    "USD 3.00",
    "€3.00",
    "$10000000000000.00",
  ])("rejects %j", (text) => {
    expect(parseAmountCents(text)).toBeNull();
  });
});

describe("parseDoMoney", () => {
  it("reads DO's JSON money as cents", () => {
    expect(parseDoMoney("12.34", "the amount")).toBe(1234);
    expect(parseDoMoney("-5.00", "the amount")).toBe(-500);
  });

  it("refuses a sub-cent figure rather than rounding it, naming what it was", () => {
    expect(() => parseDoMoney("1.234", "the amount of invoice x")).toThrow('DO sent the amount of invoice x "1.234", which is not an amount in whole cents');
  });
});

describe("dollarNumberToCents", () => {
  it("reads DO's JSON numbers (a size's monthly price) as cents, through the decimal text", () => {
    expect(dollarNumberToCents(12)).toBe(1200);
    expect(dollarNumberToCents(0.29)).toBe(29);
    expect(dollarNumberToCents(0.00893)).toBe(1);
    expect(dollarNumberToCents(1234.5)).toBe(123450);
    expect(dollarNumberToCents(-3.5)).toBe(-350);
  });

  it("has no figure for what is not a finite number", () => {
    expect(dollarNumberToCents(null)).toBeNull();
    expect(dollarNumberToCents(undefined)).toBeNull();
    expect(dollarNumberToCents(Number.NaN)).toBeNull();
    expect(dollarNumberToCents(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
