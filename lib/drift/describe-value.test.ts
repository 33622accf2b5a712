import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value";

describe("describeValue", () => {
  it.each<[unknown, string]>([
    [null, "(none)"],
    [undefined, "(none)"],
    ["", '""'],
    ["syd1", "syd1"],
    [2, "2"],
    [true, "true"],
    [new Date("2026-04-01T00:00:00Z"), "2026-04-01T00:00:00.000Z"],
    [["web", "api", "web"], "[api, web]"],
    [[], "[]"],
    [{ slug: "s-1", vcpus: 1 }, "{slug: s-1, vcpus: 1}"],
    [{ b: [2, 1], a: { c: null } }, "{a: {c: (none)}, b: [1, 2]}"],
    [{ a: undefined }, "{}"],
  ])("renders %j", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("cuts long renderings short", () => {
    const text = describeValue(Array.from({ length: 100 }, (_, i) => `tag-${i}`), 40);
    expect(text).toHaveLength(40);
    expect(text.endsWith("…")).toBe(true);
  });
});
