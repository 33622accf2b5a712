import { describe, expect, it } from "vitest";
import { centsToDecimal } from "./cents-to-decimal";

describe("centsToDecimal", () => {
  it("writes the API's and a money input's amounts: two decimals, no symbol, no grouping", () => {
    expect(centsToDecimal(5000)).toBe("50.00");
    expect(centsToDecimal(2)).toBe("0.02");
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(-5)).toBe("-0.05");
    expect(centsToDecimal(-150)).toBe("-1.50");
    expect(centsToDecimal(123456789)).toBe("1234567.89");
    expect(centsToDecimal(999_999_999_999_999)).toBe("9999999999999.99");
  });
});
