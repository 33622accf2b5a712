import { describe, expect, it } from "vitest";
import { daysIntoMonth, describeBasis, estimateBasis, projectToMonthEnd } from "./estimate-basis";

// December 2026 has 31 days: 2,678,400,000 ms. A snapshot generated at 14:07 on the 1st is 50,820,000 ms into it.
const snapshot = { period: "2026-12-01", cents: 1200, currency: "USD", generatedAt: new Date("2026-12-01T14:07:00Z") };
const now = new Date("2026-12-01T22:19:00Z");

describe("estimateBasis", () => {
  it("a month without an invoice is reported as of its latest snapshot", () => {
    expect(estimateBasis("2026-12-01", { isInvoiced: false, snapshot, now })).toEqual({
      asOf: snapshot.generatedAt,
      source: "snapshot",
      elapsedMs: 50_820_000,
      monthMs: 2_678_400_000,
    });
  });

  it("an invoiced month has no basis: its figures are final", () => {
    expect(estimateBasis("2026-12-01", { isInvoiced: true, snapshot, now })).toBeNull();
  });

  it("no snapshot yet: the month not over is reported to the clock; a month that ended without one has nothing measured", () => {
    expect(estimateBasis("2026-12-01", { isInvoiced: false, snapshot: undefined, now })).toMatchObject({ source: "clock", asOf: now, elapsedMs: 80_340_000 });
    expect(estimateBasis("2026-11-01", { isInvoiced: false, snapshot: undefined, now })).toBeNull();
  });
});

describe("projectToMonthEnd", () => {
  it("extrapolates at the rate so far: 12.00 in 50,820,000 of 2,678,400,000 ms → 12.00 × 52.7037 = 632.44", () => {
    // 1200 × 2,678,400,000 / 50,820,000 = 63,244.39 → 63,244 cents.
    expect(projectToMonthEnd(1200, estimateBasis("2026-12-01", { isInvoiced: false, snapshot, now })!)).toBe(63_244);
  });

  it("a snapshot at the very start of the month cannot be extrapolated", () => {
    const basis = estimateBasis("2026-12-01", { isInvoiced: false, snapshot: { ...snapshot, generatedAt: new Date("2026-12-01T00:00:00Z") }, now })!;
    expect(projectToMonthEnd(1200, basis)).toBeNull();
  });
});

describe("describeBasis", () => {
  it("names the snapshot's time and how far into the month it is", () => {
    const basis = estimateBasis("2026-12-01", { isInvoiced: false, snapshot, now })!;
    expect(daysIntoMonth(basis)).toBe(1);
    expect(describeBasis(basis)).toBe("estimate from the 14:07 snapshot of 1 Dec (UTC), 1 day into the month");
    const later = estimateBasis("2026-12-01", { isInvoiced: false, snapshot: { ...snapshot, generatedAt: new Date("2026-12-20T00:00:00Z") }, now })!;
    expect(describeBasis(later)).toBe("estimate from the 00:00 snapshot of 20 Dec (UTC), 19 days into the month");
  });

  it("without a snapshot it says so", () => {
    expect(describeBasis(estimateBasis("2026-12-01", { isInvoiced: false, snapshot: undefined, now })!)).toBe(
      "no balance snapshot yet: revenue to date as of 22:19 on 1 Dec (UTC), 1 day into the month",
    );
  });
});
