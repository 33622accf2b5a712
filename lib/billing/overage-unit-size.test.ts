import { describe, expect, it } from "vitest";
import { overageUnitSize } from "./overage-unit-size";

describe("overageUnitSize", () => {
  it("reads overage unit sizes", () => {
    expect(overageUnitSize("1M tokens")).toBe(1_000_000);
    expect(overageUnitSize("1K tokens")).toBe(1000);
    expect(overageUnitSize("100 GB")).toBe(100);
    expect(overageUnitSize("hour")).toBe(1);
    expect(overageUnitSize("GB-month")).toBe(1);
  });
});
