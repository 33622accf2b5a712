import { describe, expect, it } from "vitest";
import { parseTenantsPageQuery, tenantsUrl } from "./tenants-page-query";

describe("the tenants page's URL", () => {
  it("reads a search and a page, defaulting to the first", () => {
    expect(parseTenantsPageQuery({ q: " acme ", page: "2" })).toEqual({ query: { q: "acme", page: 2 }, isValid: true });
    expect(parseTenantsPageQuery({})).toEqual({ query: { page: 1 }, isValid: true });
  });

  it("drops what it cannot use rather than failing the page", () => {
    expect(parseTenantsPageQuery({ page: "-3", q: "a\u0000" })).toEqual({ query: { page: 1 }, isValid: false });
  });

  it("leaves defaults out of links", () => {
    expect(tenantsUrl({ q: "acme", page: 1 }).defaults).toEqual({ page: 1 });
  });
});
