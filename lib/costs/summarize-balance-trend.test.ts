import { describe, expect, it } from "vitest";
import { summarizeBalanceTrend } from "./summarize-balance-trend";

describe("summarizeBalanceTrend", () => {
  it("keeps each day's last snapshot and what the day added", () => {
    const points = [
      { takenAt: "2026-05-01T00:07:00.000Z", usageCents: 100, balanceCents: 100 },
      { takenAt: "2026-05-01T23:07:00.000Z", usageCents: 2400, balanceCents: 2400 },
      { takenAt: "2026-05-02T00:07:00.000Z", usageCents: 2500, balanceCents: 2500 },
      { takenAt: "2026-05-02T12:07:00.000Z", usageCents: 3600, balanceCents: 3600 },
      { takenAt: "2026-05-04T09:07:00.000Z", usageCents: 7000, balanceCents: 7000 },
    ];
    expect(summarizeBalanceTrend(points)).toEqual([
      { day: "2026-05-01", usageCents: 2400, changeCents: 2400, snapshots: 2 },
      { day: "2026-05-02", usageCents: 3600, changeCents: 1200, snapshots: 2 },
      { day: "2026-05-04", usageCents: 7000, changeCents: 3400, snapshots: 1 },
    ]);
    expect(summarizeBalanceTrend([])).toEqual([]);
  });
});
