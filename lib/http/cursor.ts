import { ApiError } from "./errors";

/**
 * Opaque keyset cursors: the last row's sort value and id, plus the sort they belong to, so a cursor replayed under
 * another sort is refused rather than silently skipping rows.
 */
export interface CursorPayload {
  sort: string;
  value: string | number | null;
  id: string;
}

export function encodeCursor(c: CursorPayload): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, expectedSort: string): CursorPayload {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[0] === "string" && typeof parsed[2] === "string") {
      const [sort, value, id] = parsed as [string, string | number | null, string];
      if (sort !== expectedSort) {
        throw new ApiError("invalid_request", "cursor belongs to another sort order; start again without a cursor", [
          { path: "cursor", code: "custom", message: "sort mismatch" },
        ]);
      }
      return { sort, value, id };
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
  }
  throw new ApiError("invalid_request", "cursor is not valid", [{ path: "cursor", code: "custom", message: "malformed cursor" }]);
}

export const pageLimit = { default: 50, max: 500 } as const;
