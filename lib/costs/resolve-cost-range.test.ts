import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { resolveCostRange } from "./resolve-cost-range";

const now = new Date("2026-07-15T00:00:00Z");
const bounds = { earliest: "2024-01-01", latest: "2026-05-01" };

describe("resolveCostRange", () => {
  it("defaults to the twelve months up to the latest with lines, or up to this month before any", () => {
    expect(resolveCostRange({}, bounds, now)).toEqual({ from: "2025-06-01", to: "2026-05-01" });
    expect(resolveCostRange({}, null, now)).toEqual({ from: "2025-08-01", to: "2026-07-01" });
  });

  it("does not start before the first month with lines", () => {
    expect(resolveCostRange({}, { earliest: "2026-01-01", latest: "2026-05-01" }, now)).toEqual({ from: "2026-01-01", to: "2026-05-01" });
    expect(resolveCostRange({ to: "2026-02-01" }, { earliest: "2026-01-01", latest: "2026-05-01" }, now)).toEqual({ from: "2026-01-01", to: "2026-02-01" });
    // A range wholly before the first lines keeps its twelve months.
    expect(resolveCostRange({ to: "2025-06-01" }, { earliest: "2026-01-01", latest: "2026-05-01" }, now)).toEqual({ from: "2024-07-01", to: "2025-06-01" });
  });

  it("with only `from`, ends at the latest month, or at `from` when that is later", () => {
    expect(resolveCostRange({ from: "2026-03-01" }, bounds, now)).toEqual({ from: "2026-03-01", to: "2026-05-01" });
    expect(resolveCostRange({ from: "2026-09-01" }, bounds, now)).toEqual({ from: "2026-09-01", to: "2026-09-01" });
  });

  it("refuses a range over 36 months, or backwards, as a 400", () => {
    expect(resolveCostRange({ from: "2023-06-01", to: "2026-05-01" }, bounds, now)).toEqual({ from: "2023-06-01", to: "2026-05-01" });
    expect(() => resolveCostRange({ from: "2023-05-01", to: "2026-05-01" }, bounds, now)).toThrow(ApiError);
    expect(() => resolveCostRange({ from: "2020-01-01" }, bounds, now)).toThrow(/At most 36 months/);
    expect(() => resolveCostRange({ from: "2026-05-01", to: "2026-04-01" }, bounds, now)).toThrow(/after to/);
  });
});
