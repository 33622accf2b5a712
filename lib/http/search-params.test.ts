import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hrefWith, parseSearchParams, type UrlState } from "./search-params";

const listQuery = z.object({
  kind: z.enum(["droplet", "volume"]).optional(),
  q: z.string().trim().min(1).max(20).optional(),
  sort: z.enum(["name", "size"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
});

describe("parseSearchParams", () => {
  it("reads the page's parameters with its schema", () => {
    expect(parseSearchParams(listQuery, { kind: "volume", sort: "size", page: "3" })).toEqual({
      query: { kind: "volume", sort: "size", dir: "asc", page: 3 },
      isValid: true,
    });
  });

  it("drops an invalid parameter and keeps the rest, saying the address was not valid", () => {
    expect(parseSearchParams(listQuery, { kind: "spaceship", q: "web", page: "0" })).toEqual({
      query: { q: "web", sort: "name", dir: "asc", page: 1 },
      isValid: false,
    });
  });

  it("takes a dropped parameter's fallback where the page has one", () => {
    const { query } = parseSearchParams(listQuery, { sort: "colour" }, { fallback: { sort: "size" } });
    expect(query.sort).toBe("size");
  });

  it("treats a blank parameter (a GET form's empty field) as absent, not as invalid", () => {
    expect(parseSearchParams(listQuery, { kind: "", q: "", sort: "size" })).toEqual({
      query: { sort: "size", dir: "asc", page: 1 },
      isValid: true,
    });
  });

  it("drops what a check across parameters refuses, also when that check could only run once another was dropped", () => {
    const range = z
      .object({ from: z.string().regex(/^\d{4}$/).optional(), to: z.string().regex(/^\d{4}$/).optional(), kind: z.enum(["droplet", "volume"]).optional() })
      .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
    // zod checks the range only once every field parses: `kind` goes first, then `from`.
    expect(parseSearchParams(range, { from: "2026", to: "2025", kind: "spaceship" })).toEqual({ query: { to: "2025" }, isValid: false });
    expect(parseSearchParams(range, { from: "2026", to: "2025" }, { fallback: { from: "2027" } })).toEqual({ query: { to: "2025" }, isValid: false });
  });

  it("reads the first value of a repeated parameter", () => {
    expect(parseSearchParams(listQuery, { kind: ["volume", "droplet"] }).query.kind).toBe("volume");
  });
});

describe("hrefWith", () => {
  const state: UrlState = {
    path: "/things",
    params: { kind: "droplet", q: undefined, deleted: true, sort: "size", dir: "asc", page: 2 },
    defaults: { sort: "name", dir: "asc", page: 1 },
  };

  it("writes the state in its order, leaving out empty values and defaults", () => {
    expect(hrefWith(state)).toBe("/things?kind=droplet&deleted=true&sort=size&page=2");
  });

  it("merges changes over the state: a new value replaces, undefined removes, a default is left out", () => {
    expect(hrefWith(state, { page: 3 })).toBe("/things?kind=droplet&deleted=true&sort=size&page=3");
    expect(hrefWith(state, { kind: undefined, deleted: false, page: 1 })).toBe("/things?sort=size");
    expect(hrefWith(state, { sort: "name", dir: "desc", cursor: "abc" })).toBe("/things?kind=droplet&deleted=true&dir=desc&page=2&cursor=abc");
  });

  it("is the bare path when nothing is left, and encodes values", () => {
    expect(hrefWith({ path: "/things", params: { sort: "name" }, defaults: { sort: "name" } })).toBe("/things");
    expect(hrefWith({ path: "/things", params: { q: "a&b c" } })).toBe("/things?q=a%26b+c");
  });
});
