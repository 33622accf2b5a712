import { describe, expect, it } from "vitest";
import { monthlyCostLabel } from "./request-labels";

describe("a request's monthly cost", () => {
  it("reads as money, with its currency and thousands separator, like every amount in the console", () => {
    expect(monthlyCostLabel({ monthly_cogs: "1008.00", currency: "USD" })).toBe("US$1,008.00");
    expect(monthlyCostLabel({ monthly_cogs: "12.00", currency: "USD" })).toBe("US$12.00");
  });
});
