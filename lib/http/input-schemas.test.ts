import { describe, expect, it } from "vitest";
import { toPeriod } from "@/lib/billing/month";
import { dateTimeSchema, isSupportedCalendarDate, monthStartSchema, textSchema } from "./input-schemas";

describe("textSchema", () => {
  it("refuses NUL and unpaired surrogates, keeps every other character", () => {
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud83d"]) expect(textSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const good of ["", "Acme Pty Ltd", "😀 emoji pair", "tab\tand\nnewline", "\u0001\u001f", "ünïcødé"]) expect(textSchema.parse(good)).toBe(good);
  });
});

describe("dateTimeSchema", () => {
  const schema = dateTimeSchema();
  it("accepts the supported years exactly, at millisecond precision", () => {
    for (const v of ["2000-01-01T00:00:00Z", "2099-12-31T23:59:59.999Z", "2026-04-30T23:59:00+10:00", "2024-02-29T12:00:00Z"]) {
      expect(schema.parse(v)).toBe(v);
      expect(new Date(Date.parse(v)).getTime()).toBe(Date.parse(v));
    }
  });
  it("refuses years outside 2000..2099 (in UTC), impossible days and sub-millisecond digits", () => {
    for (const v of ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0099-06-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-01-01T09:00:00+10:00", "2100-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-04-01T00:00:00.1234Z"]) {
      expect(schema.safeParse(v).success, v).toBe(false);
    }
  });
  it("names one problem for a value that is not a date-time at all", () => {
    expect(schema.safeParse("yesterday").error?.issues).toHaveLength(1);
  });
});

describe("monthStartSchema", () => {
  const schema = monthStartSchema("expected YYYY-MM");
  it("reads YYYY-MM or a real day of the month as the month's first day", () => {
    expect(schema.parse("2026-04")).toBe("2026-04-01");
    expect(schema.parse("2024-02-29")).toBe("2024-02-01");
    expect(schema.parse(" 2099-12-31 ")).toBe("2099-12-01");
  });
  it("refuses impossible days and years outside 2000..2099", () => {
    for (const v of ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13", "2026-00", "0000-01", "0099-01-01", "1999-12", "2100-01", "9999-12-01"]) {
      expect(schema.safeParse(v).success, v).toBe(false);
    }
    expect(isSupportedCalendarDate("2000-02-29")).toBe(true);
    expect(isSupportedCalendarDate("2100-02-29")).toBe(false);
  });
});

describe("toPeriod", () => {
  it("writes four-digit years, which PostgreSQL cannot misread as 20xx", () => {
    const d = new Date(0);
    d.setUTCFullYear(1, 0, 15);
    expect(toPeriod(d)).toBe("0001-01-01");
  });
});
