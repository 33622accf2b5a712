import { NextResponse } from "next/server";
import { jsonArrayText } from "@/db/json";
import { type ErrorCode, errorStatus } from "./errors";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}

export function ok<T>(data: T, init?: ResponseInit): NextResponse<{ data: T }> {
  return NextResponse.json({ data }, init);
}

export function okList<T>(data: T[], nextCursor: string | null, init?: ResponseInit) {
  return NextResponse.json({ data, next_cursor: nextCursor }, init);
}

/** A list whose items are already JSON texts (see `db/json.ts`): spliced into the envelope, never re-serialised. */
export function okJsonList(items: readonly string[], nextCursor: string | null): Response {
  const body = `{"data":${jsonArrayText(items)},"next_cursor":${JSON.stringify(nextCursor)}}`;
  return new Response(Buffer.from(body), { headers: { "content-type": "application/json" } });
}

export function errorResponse(code: ErrorCode, message: string, details: unknown = null, headers?: HeadersInit) {
  const body: ErrorBody = { error: { code, message, details } };
  return NextResponse.json(body, { status: errorStatus[code], headers });
}
