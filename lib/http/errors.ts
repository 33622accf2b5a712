import type { z } from "zod";

/** The one code-to-status table for every JSON error this service answers. */
export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** The path exists, the method does not: `Allow` lists the ones it serves. */
  method_not_allowed: 405,
  conflict: 409,
  /** A drift DO cannot put back in place (region, image): `details.fields` names each field and why. */
  not_revertible: 422,
  /** A provisioning request the tenant's plan does not allow: `details` names the allowance, usage and cap. */
  entitlement_exceeded: 409,
  /** A provisioning request that is running or has ended: only a queued one or one awaiting approval can be cancelled. */
  not_cancellable: 409,
  internal_error: 500,
  /** The database is unreachable or restarting: retry after `Retry-After` seconds. */
  unavailable: 503,
} as const;

/** What a 503 tells the caller to wait: about how long a PostgreSQL restart or failover takes. */
export const retryAfterSeconds = 5;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** Thrown by domain code and handlers; the API wrapper turns it into the error envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** zod issues, reduced to what a caller needs to fix the request. */
export function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}

export function invalidRequest(error: z.ZodError, what = "request"): ApiError {
  const first = error.issues[0];
  const where = first?.path.length ? ` (${first.path.join(".")}: ${first.message})` : first ? ` (${first.message})` : "";
  return new ApiError("invalid_request", `Invalid ${what}${where}`, zodDetails(error));
}

/** Parses with zod and throws a 400 ApiError naming the first problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidRequest(result.error, what);
  return result.data;
}
