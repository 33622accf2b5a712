import { describe, expect, it } from "vitest";
import { type CursorField, decodeCursor, encodeCursor } from "./cursor";

const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const uuid = "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11";

describe("decodeCursor", () => {
  it("returns what encodeCursor wrote, for each kind of sort value and id", () => {
    const cases: [string | number | null, string, CursorField, CursorField][] = [
      ["2026-04-01T10:00:00.123Z", uuid, "timestamp", "uuid"],
      ["2026-04-01", "22737513-0ea7-4206-8ceb-98a575af7681", "date", "text"],
      ["", uuid, "text", "uuid"],
      ["web-01 😀", uuid, "text", "uuid"],
      [null, "1042", "null", "integer"],
    ];
    for (const [value, id, v, i] of cases) {
      expect(decodeCursor(encodeCursor({ sort: "s:asc", value, id }), "s:asc", { value: v, id: i })).toEqual({ sort: "s:asc", value, id });
    }
  });

  it("is a 400 for a cursor of another sort, or one holding what the list never writes", () => {
    const bad: [unknown, CursorField, CursorField][] = [
      [["t:desc", "not-a-date", uuid], "timestamp", "uuid"],
      [["t:desc", "2026-04-01T10:00:00Z", uuid], "timestamp", "uuid"], // not toISOString's form
      [["t:desc", "0000-01-01T00:00:00.000Z", uuid], "timestamp", "uuid"],
      [["t:desc", "9999-12-31T00:00:00.000Z", uuid], "timestamp", "uuid"],
      [["t:desc", "2026-02-30T00:00:00.000Z", uuid], "timestamp", "uuid"],
      [["t:desc", "2026-04-01T10:00:00.123Z", "not-a-uuid"], "timestamp", "uuid"],
      [["t:desc", "2026-04-01T10:00:00.123Z", `${uuid}\u0000`], "timestamp", "uuid"],
      [["t:desc", "2026-02-30", "x"], "date", "text"],
      [["t:desc", "2026-04-01", ""], "date", "text"],
      [["t:desc", "2026-04-01", "a\u0000"], "date", "text"],
      [["t:desc", "web\u0000", uuid], "text", "uuid"],
      [["t:desc", "web\ud800", uuid], "text", "uuid"],
      [["t:desc", 12, uuid], "text", "uuid"],
      [["t:desc", {}, uuid], "text", "uuid"],
      [["t:desc", "x", "1"], "null", "integer"],
      [["t:desc", null, "-1"], "null", "integer"],
      [["t:desc", null, "1e999"], "null", "integer"],
      [["t:desc", null, 7], "null", "integer"],
      [["t:desc", null], "null", "integer"],
      [["other:asc", null, "1"], "null", "integer"],
      [{}, "null", "integer"],
    ];
    for (const [payload, v, i] of bad) {
      expect(() => decodeCursor(raw(payload), "t:desc", { value: v, id: i }), JSON.stringify(payload)).toThrow(expect.objectContaining({ code: "invalid_request" }));
    }
    expect(() => decodeCursor("!!!", "t:desc", { value: "null", id: "integer" })).toThrow(expect.objectContaining({ code: "invalid_request" }));
  });
});
