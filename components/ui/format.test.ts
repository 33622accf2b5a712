import { describe, expect, it } from "vitest";
import { formatAge, formatDate, formatDateTime, formatMonth } from "./format";

describe("dates as every page writes them", () => {
  it("names months the same way everywhere, whatever the runtime's locale says", () => {
    expect(formatMonth("2026-06")).toBe("Jun 2026");
    expect(formatMonth("2026-09-01")).toBe("Sep 2026");
    expect(formatDate("2026-09-01T23:30:00Z")).toBe("1 Sep 2026");
  });

  it("measures an age from the `now` it is given, so the server and the browser write the same text", () => {
    const now = Date.parse("2026-05-15T12:00:00Z");
    expect(formatAge("2026-05-15T11:55:00Z", now)).toBe("5m ago");
    expect(formatAge(null, now)).toBe("never");
    expect(formatDateTime("2026-05-15T11:55:00Z")).toBe("2026-05-15 11:55 UTC");
  });
});
