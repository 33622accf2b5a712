import { describe, expect, it } from "vitest";
import { centsToDollars, dollarsToCents, moneyPattern } from "./money";

describe("money", () => {
  it("converts dollars to cents on the string, without floating point", () => {
    expect(dollarsToCents("0.1")).toBe(10);
    expect(dollarsToCents("0.29")).toBe(29);
    expect(dollarsToCents("1.15")).toBe(115);
    expect(dollarsToCents("50")).toBe(5000);
    expect(dollarsToCents("1234567.89")).toBe(123456789);
  });

  it("formats cents for a money input", () => {
    expect(centsToDollars(5000)).toBe("50.00");
    expect(centsToDollars(2)).toBe("0.02");
    expect(centsToDollars(123456789)).toBe("1234567.89");
  });

  it("accepts at most two decimals", () => {
    expect(moneyPattern.test("49.95")).toBe(true);
    expect(moneyPattern.test("49.995")).toBe(false);
    expect(moneyPattern.test("-1")).toBe(false);
    expect(moneyPattern.test("1e3")).toBe(false);
  });
});
