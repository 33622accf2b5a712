import { describe, expect, it } from "vitest";
import { parseExplorerQuery } from "./explorer-query";

describe("parseExplorerQuery", () => {
  it("drops filters the database could not compare (NUL) and impossible periods, keeping the rest", () => {
    const { query, isValid } = parseExplorerQuery({ q: "web\u0000", project: "\u0000", category: "iaas", period: "2026-02-30" });
    expect(isValid).toBe(false);
    expect([query.q, query.project, query.category, query.period]).toEqual([undefined, undefined, "iaas", undefined]);
  });
});
