import { ApiError } from "./errors";
import { isStorableText, isSupportedCalendarDate, isSupportedInstant } from "./input-schemas";

/**
 * Opaque keyset cursors: the last row's sort value and id, plus the sort they belong to, so a cursor replayed under
 * another sort is refused rather than silently skipping rows.
 */
export interface CursorPayload {
  sort: string;
  value: string | number | null;
  id: string;
}

/**
 * What a list's cursor carries in `value` and `id`. A cursor is user input like any other (anyone can base64 some
 * JSON), so its contents are checked against what the list wrote before they reach a query.
 */
export type CursorField = "text" | "timestamp" | "date" | "uuid" | "integer" | "null";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Exactly what Date#toISOString writes, and so what encodeCursor was given.
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const fieldChecks: Record<CursorField, (v: unknown) => boolean> = {
  text: (v) => typeof v === "string" && v.length <= 1000 && isStorableText(v),
  timestamp: (v) => typeof v === "string" && isoInstantPattern.test(v) && isSupportedInstant(Date.parse(v)) && new Date(v).toISOString() === v,
  date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isSupportedCalendarDate(v),
  uuid: (v) => typeof v === "string" && uuidPattern.test(v),
  integer: (v) => typeof v === "string" && /^\d{1,15}$/.test(v),
  null: (v) => v === null,
};

export function encodeCursor(c: CursorPayload): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id]), "utf8").toString("base64url");
}

const malformed = () => new ApiError("invalid_request", "cursor is not valid", [{ path: "cursor", code: "custom", message: "malformed cursor" }]);

/** The cursor's payload, or a 400: not ours, written under another sort, or holding values the list never writes. */
export function decodeCursor(cursor: string, expectedSort: string, fields: { value: CursorField; id: CursorField }): CursorPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== "string") throw malformed();
  const [sort, value, id] = parsed as [string, unknown, unknown];
  if (sort !== expectedSort) {
    throw new ApiError("invalid_request", "cursor belongs to another sort order; start again without a cursor", [
      { path: "cursor", code: "custom", message: "sort mismatch" },
    ]);
  }
  // An id is never empty (a sort value may be: nullable text columns sort as "").
  if (!fieldChecks[fields.value](value) || id === "" || !fieldChecks[fields.id](id)) throw malformed();
  return { sort, value: value as CursorPayload["value"], id: id as string };
}

export const pageLimit = { default: 50, max: 500 } as const;
