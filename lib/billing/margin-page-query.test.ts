import { describe, expect, it } from "vitest";
import { hrefWith } from "@/lib/http/search-params";
import { marginUrl, parseMarginPageQuery } from "./margin-page-query";

describe("the margin pages' URL", () => {
  it("falls back to each parameter's default rather than failing, blank fields included", () => {
    expect(parseMarginPageQuery({ month: "2026-13", allocate: "", sort: "colour", dir: "up", target: "120", billed: "maybe" })).toEqual({
      sort: "revenue",
      dir: "desc",
      billed: "all",
    });
    expect(parseMarginPageQuery({ from: "2026-01", to: ["2026-03-15", "2026-04"], allocate: "1", sort: "margin", dir: "asc", target: "40" })).toEqual({
      from: "2026-01-01",
      to: "2026-03-01",
      allocate: "1",
      sort: "margin",
      dir: "asc",
      target: 40,
      billed: "all",
    });
    expect(parseMarginPageQuery({ billed: "unbilled" }).billed).toBe("unbilled");
  });

  it("writes months as YYYY-MM and leaves out the defaults", () => {
    expect(hrefWith(marginUrl("/margin/tenants", { month: "2026-03-01", allocate: "0", sort: "revenue", dir: "desc" }))).toBe(
      "/margin/tenants?month=2026-03&allocate=0",
    );
    expect(hrefWith(marginUrl("/margin/tenants", { month: "2026-03-01", billed: "unbilled" }))).toBe("/margin/tenants?month=2026-03&billed=unbilled");
    expect(hrefWith(marginUrl("/margin/tenants", { month: "2026-03-01", billed: "all" }))).toBe("/margin/tenants?month=2026-03");
    expect(hrefWith(marginUrl("/margin", { from: "2025-04-01", to: "2026-03-01", sort: "margin", target: 45 }))).toBe(
      "/margin?from=2025-04&to=2026-03&sort=margin&target=45",
    );
  });
});
