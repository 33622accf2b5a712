import { NextResponse } from "next/server";
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

export function errorResponse(code: ErrorCode, message: string, details: unknown = null, headers?: HeadersInit) {
  const body: ErrorBody = { error: { code, message, details } };
  return NextResponse.json(body, { status: errorStatus[code], headers });
}
