import { describe, expect, it } from "vitest";
import { hrefWith } from "@/lib/http/search-params";
import { costGroupsUrl, parseCostGroupsQuery } from "./cost-groups-query";

describe("the grouped view's URL", () => {
  it("takes the API's parameters, and writes months as YYYY-MM, defaults left out", () => {
    const { query, isValid } = parseCostGroupsQuery({ group_by: "project", group_by2: "kind", from: "2026-01", to: "2026-12-31", page: "2" });
    expect(isValid).toBe(true);
    expect(query).toEqual({ group_by: "project", group_by2: "kind", from: "2026-01-01", to: "2026-12-01", page: 2 });
    expect(hrefWith(costGroupsUrl(query))).toBe("/costs/explore?group_by=project&group_by2=kind&from=2026-01&to=2026-12&page=2");
    expect(hrefWith(costGroupsUrl({ group_by: "kind", page: 1 }))).toBe("/costs/explore");
  });

  it("drops what is invalid rather than failing: an unknown or repeated dimension, a backwards range", () => {
    const same = parseCostGroupsQuery({ group_by: "tenant", group_by2: "tenant" });
    expect([same.isValid, same.query.group_by, same.query.group_by2]).toEqual([false, "tenant", undefined]);
    const backwards = parseCostGroupsQuery({ from: "2026-05", to: "2026-04", group_by: "colour" });
    expect([backwards.isValid, backwards.query.from, backwards.query.to, backwards.query.group_by]).toEqual([false, undefined, "2026-04-01", "kind"]);
    // A blank "Then by" (the form's "Nothing") is no second dimension.
    expect(parseCostGroupsQuery({ group_by2: "" })).toEqual({ isValid: true, query: { group_by: "kind", page: 1 } });
  });
});
