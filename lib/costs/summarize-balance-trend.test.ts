import { describe, expect, it } from "vitest";
import { describeBalanceTrend, summarizeBalanceTrend } from "./summarize-balance-trend";

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

describe("describeBalanceTrend", () => {
  const p = (takenAt: string, usageCents: number) => ({ takenAt, usageCents, balanceCents: usageCents });
  it("says grew only when usage grew, with days as every page writes them", () => {
    expect(describeBalanceTrend([p("2026-05-01T00:07:00.000Z", 100), p("2026-05-04T09:07:00.000Z", 7000)], "USD")).toBe(
      "Usage grew from US$1.00 on 1 May to US$70.00 on 4 May, over 2 snapshots.",
    );
  });

  it("within one day, gives the times; unchanged usage held", () => {
    const points = [p("2026-12-02T01:07:00.000Z", 4489), p("2026-12-02T01:08:00.000Z", 4489), p("2026-12-02T01:09:00.000Z", 4489)];
    expect(describeBalanceTrend(points, "USD")).toBe("Usage held at US$44.89 on 2 Dec from 01:07 UTC to 01:09 UTC, over 3 snapshots.");
    expect(describeBalanceTrend([p("2026-12-02T01:07:00.000Z", 4489)], "USD")).toBe("Usage was US$44.89 at 2 Dec, 01:07 UTC (1 snapshot).");
    expect(describeBalanceTrend([], "USD")).toBe("No snapshots taken this month yet.");
  });
});
