import { describe, expect, it } from "vitest";
import { formatDay, formatLocalDateTime, formatMonth } from "./format-month";

describe("month and day names", () => {
  it("are the same three letters everywhere: Jun, Sep, Nov (never Sept or June beside Nov)", () => {
    expect(["2026-06", "2026-09", "2026-11-01"].map((p) => formatMonth(p))).toEqual(["Jun 2026", "Sep 2026", "Nov 2026"]);
    expect(formatDay(new Date("2026-09-01T23:59:00Z"))).toBe("1 Sep");
    expect(formatDay("2026-12-20T00:00:00Z", { withYear: true })).toBe("20 Dec 2026");
  });

  it("write a local time with the same month names, whatever the browser's locale", () => {
    const at = new Date(2026, 8, 2, 15, 4); // 2 September 2026, 15:04 local
    expect(formatLocalDateTime(at)).toBe("2 Sep 2026, 15:04");
    expect(formatLocalDateTime(new Date(2026, 5, 30, 7, 9))).toBe("30 Jun 2026, 07:09");
  });
});
