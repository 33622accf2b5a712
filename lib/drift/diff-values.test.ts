import { describe, expect, it } from "vitest";
import { diffValues } from "./diff-values";

describe("diffValues", () => {
  it("reports equal values as equal", () => {
    expect(diffValues(["a", 1], ["1", "a"])).toEqual({ type: "equal" });
    expect(diffValues(null, [])).toEqual({ type: "equal" });
  });

  it("lists what was added live and what the spec has that is gone", () => {
    expect(diffValues(["web", "prod", "prod"], ["web", "staging", "staging"])).toEqual({
      type: "list",
      added: ["staging"],
      removed: ["prod"],
    });
    expect(diffValues(null, ["web"])).toEqual({ type: "list", added: ["web"], removed: [] });
    expect(diffValues([{ port: 80 }], [])).toEqual({ type: "list", added: [], removed: [{ port: 80 }] });
  });

  it("names changed keys by their path", () => {
    const expected = { size: { slug: "s-1", vcpus: 1 }, tags: ["a"], name: "web", backups: true };
    const actual = { size: { slug: "s-2", vcpus: "1" }, tags: ["a", "b"], name: "web", region: "syd1" };
    expect(diffValues(expected, actual)).toEqual({
      type: "object",
      changes: [
        { path: "backups", expected: true, actual: undefined },
        { path: "region", expected: undefined, actual: "syd1" },
        { path: "size.slug", expected: "s-1", actual: "s-2" },
        { path: "tags", expected: ["a"], actual: ["a", "b"] },
      ],
    });
  });

  it("treats a missing object as an empty one", () => {
    expect(diffValues({ a: 1 }, undefined)).toEqual({
      type: "object",
      changes: [{ path: "a", expected: 1, actual: undefined }],
    });
  });

  it("falls back to a plain value diff", () => {
    expect(diffValues("s-1", "s-2")).toEqual({ type: "value", expected: "s-1", actual: "s-2" });
    expect(diffValues(["a"], "a")).toEqual({ type: "value", expected: ["a"], actual: "a" });
    expect(diffValues(null, "")).toEqual({ type: "value", expected: null, actual: "" });
  });
});
