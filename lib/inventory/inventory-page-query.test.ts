import { describe, expect, it } from "vitest";
import { hrefWith } from "@/lib/http/search-params";
import { inventoryUrl, parseInventoryPageQuery } from "./inventory-page-query";

describe("the inventory page's URL", () => {
  it("keeps the filters a filter form sent with some fields left blank", () => {
    const { query, isValid } = parseInventoryPageQuery({ kind: "droplet", q: "web", region: "", status: "" });
    expect(isValid).toBe(true);
    expect(query).toEqual({ kind: "droplet", q: "web", sort: "name", dir: "asc", page: 1 });
  });

  it("drops an invalid filter, keeping the rest, and reads the page number (never a cursor or a limit)", () => {
    const { query, isValid } = parseInventoryPageQuery({ kind: "spaceship", region: "syd1", include_deleted: "true", page: "3", cursor: "x", limit: "500" });
    expect(isValid).toBe(false);
    expect(query).toEqual({ region: "syd1", include_deleted: true, sort: "name", dir: "asc", page: 3 });
  });

  it("writes the filters, the sort and the page, leaving out the defaults", () => {
    const { query } = parseInventoryPageQuery({ kind: "volume", q: "db", include_deleted: "1", sort: "region", dir: "desc", page: "2" });
    expect(hrefWith(inventoryUrl(query))).toBe("/inventory?kind=volume&q=db&include_deleted=true&sort=region&dir=desc&page=2");
    expect(hrefWith(inventoryUrl(query), { kind: undefined, page: undefined })).toBe("/inventory?q=db&include_deleted=true&sort=region&dir=desc");
    expect(hrefWith(inventoryUrl(parseInventoryPageQuery({}).query))).toBe("/inventory");
  });
});
