import { describe, expect, it } from "vitest";
import { BYTES_PER_GB, bytesPerDay, bytesToGb } from "./integrate-bandwidth";

const at = (iso: string) => Date.parse(iso) / 1000;
const t0 = at("2026-04-10T12:00:00Z");

describe("bytesPerDay (trapezoid over Mbps samples)", () => {
  it("integrates a ramp by the trapezoid rule: 60 s × (8+8)/2 + 60 s × (8+16)/2 + 60 s × (16+0)/2 = 1,680 Mb = 210,000,000 bytes", () => {
    const samples = [
      [t0, 8],
      [t0 + 60, 8],
      [t0 + 120, 16],
      [t0 + 180, 0],
    ] as const;
    // A step rule (each value held until the next sample) would say 60 × (8 + 8 + 16) = 1,920 Mb.
    expect(bytesPerDay(samples, ["2026-04-10"])).toEqual(new Map([["2026-04-10", 210_000_000]]));
  });

  it("counts a gap longer than three median intervals as no data, and ignores NaN samples and input order", () => {
    const samples = [
      [t0 + 600, 50],
      [t0 + 120, 16],
      [t0, 8],
      [t0 + 60, 8],
      [t0 + 90, Number.NaN],
      [t0 + 180, 0],
    ] as const;
    // Intervals 60, 60, 60, 420: the median is 60, so the 420 s to the last sample (> 180 s) is a gap.
    expect(bytesPerDay(samples, ["2026-04-10"]).get("2026-04-10")).toBe(210_000_000);
  });

  it("splits a segment at midnight UTC with the rate interpolated there: 10 → 20 Mbps from 23:58 to 00:02", () => {
    const samples = [
      [at("2026-04-10T23:58:00Z"), 10],
      [at("2026-04-11T00:02:00Z"), 20],
    ] as const;
    // 15 Mbps at midnight: 120 s × (10+15)/2 = 1,500 Mb before, 120 s × (15+20)/2 = 2,100 Mb after.
    expect(bytesPerDay(samples, ["2026-04-10", "2026-04-11"])).toEqual(
      new Map([
        ["2026-04-10", 187_500_000],
        ["2026-04-11", 262_500_000],
      ]),
    );
    // A window padded past midnight contributes only the days asked for.
    expect(bytesPerDay(samples, ["2026-04-11"])).toEqual(new Map([["2026-04-11", 262_500_000]]));
  });

  it("a constant 8 Mbps for a whole day is 86.4 × 10^9 bytes, 80.466 GB in DO's GiB", () => {
    const start = at("2026-04-10T00:00:00Z");
    const samples = Array.from({ length: 289 }, (_, i) => [start + i * 300, 8] as const);
    const bytes = bytesPerDay(samples, ["2026-04-10"]).get("2026-04-10")!;
    expect(bytes).toBeCloseTo(86_400_000_000, 3);
    expect(BYTES_PER_GB).toBe(1_073_741_824);
    expect(bytesToGb(bytes)).toBeCloseTo(80.466_27, 5);
  });

  it("a day asked for without samples is 0", () => {
    expect(bytesPerDay([], ["2026-04-10"])).toEqual(new Map([["2026-04-10", 0]]));
  });
});
