import { describe, expect, it } from "vitest";
import { looseEqual } from "./loose-equal";

describe("looseEqual", () => {
  it.each<[string, unknown, unknown, boolean]>([
    // numbers and strings
    ["number and its string", 2, "2", true],
    ["float-looking number and integer", 2.0, 2, true],
    ["string with a decimal and a number", "2.0", 2, true],
    ["padded decimal strings", "2.50", "2.5", true],
    ["exponent and plain", "1e3", 1000, true],
    ["tiny float in exponent notation", 0.0000001, "0.0000001", true],
    ["negative zero", -0, "0", true],
    ["bigint and string", 12345678901234567890n, "12345678901234567890", true],
    ["long ids keep every digit", "9007199254740993", "9007199254740992", false],
    ["different numbers", 2, "3", false],
    ["identifier with padding zeros", "007", 7, false],
    ["identical identifiers", "007", "007", true],
    ["number and word", 2, "two", false],
    ["strings are case-sensitive", "SYD1", "syd1", false],
    ["string with spaces", " 2", 2, false],
    // booleans
    ["true and 'true'", true, "true", true],
    ["false and 'false'", "false", false, true],
    ["true and false", true, false, false],
    ["true and 1", true, 1, false],
    // nothing
    ["null and undefined", null, undefined, true],
    ["null and empty list", null, [], true],
    ["undefined and empty object", undefined, {}, true],
    ["null and empty string", null, "", false],
    ["undefined and zero", undefined, 0, false],
    ["null and false", null, false, false],
    ["empty string and empty string", "", "", true],
    // lists
    ["lists in another order", ["a", "b", "c"], ["c", "a", "b"], true],
    ["mixed numbers and strings in another order", [1, "2"], ["2", 1], true],
    ["duplicates do not matter", ["a", "a", "b"], ["b", "a"], true],
    ["missing element", ["a", "b"], ["a"], false],
    ["extra element", ["a"], ["a", "b"], false],
    ["list of objects in another order", [{ port: 80 }, { port: "443" }], [{ port: 443 }, { port: "80" }], true],
    ["list of objects with a change", [{ port: 80 }], [{ port: 81 }], false],
    ["nested lists", [["a", "b"], ["c"]], [["c"], ["b", "a"]], true],
    ["list and scalar", ["a"], "a", false],
    ["lists of instants in other spellings", ["2026-04-01T00:00:00Z", new Date(0)], ["1970-01-01T00:00:00Z", "2026-04-01 10:00:00 +1000"], true],
    ["list of booleans and their text", [true, "false"], ["true", false], true],
    ["list holding null and undefined", [null, "a"], ["a", undefined], true],
    ["list holding null and empty string", [null], [""], false],
    ["list of numbers in other encodings", [1, "2.50", 3n], ["3", 2.5, "1.0"], true],
    ["list of scalars against a list with an object", ["a"], [{ a: 1 }], false],
    ["list with an invalid date", [new Date(Number.NaN)], [new Date(Number.NaN)], false],
    ["list holding null and empty list", [null], [], false],
    // objects
    ["objects with keys in another order", { a: 1, b: "x" }, { b: "x", a: "1" }, true],
    ["nested objects", { size: { slug: "s-1", vcpus: 1 } }, { size: { vcpus: "1", slug: "s-1" } }, true],
    ["nested change", { size: { slug: "s-1" } }, { size: { slug: "s-2" } }, false],
    ["key missing equals null", { a: 1, b: null }, { a: 1 }, true],
    ["key missing equals empty list", { a: 1 }, { a: 1, tags: [] }, true],
    ["key missing against a value", { a: 1 }, { a: 1, b: 2 }, false],
    ["object and scalar", { a: 1 }, "a", false],
    ["object and list", { 0: "a" }, ["a"], false],
    // instants
    ["Date and ISO string", new Date("2026-04-01T00:00:00Z"), "2026-04-01T00:00:00.000Z", true],
    ["Date and string in another zone", new Date("2026-04-01T00:00:00Z"), "2026-04-01T10:00:00+10:00", true],
    ["Date and DO invoice format", new Date("2026-04-01T00:00:00Z"), "2026-04-01 00:00:00 +0000", true],
    ["two Dates", new Date(5), new Date(5), true],
    ["Date and later string", new Date("2026-04-01T00:00:00Z"), "2026-04-01T00:00:01Z", false],
    ["two spellings of one instant", "2026-04-01T00:00:00Z", "2026-04-01T02:00:00+02:00", true],
    ["Date and non-date", new Date("2026-04-01T00:00:00Z"), "yesterday", false],
    ["Date and epoch number", new Date(5), 5, false],
  ])("%s", (_, expected, actual, isEqual) => {
    expect(looseEqual(expected, actual)).toBe(isEqual);
    expect(looseEqual(actual, expected)).toBe(isEqual);
  });
});
