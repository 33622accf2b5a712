import type { z } from "zod";
import type { Role } from "@/lib/auth/arcadia-jwt";
import type { ErrorCode } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One /api/v1 operation: the handler's contract and its OpenAPI entry in a single object. The route wrapper parses
 * params, query and body with these schemas and checks `roles`; the OpenAPI document is generated from the same
 * schemas, so the documentation cannot drift from what the handler accepts.
 */
export interface Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/drift/{id}/accept */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Roles allowed to call it; "public" needs no token. */
  roles: readonly Role[] | "public";
  params?: P;
  query?: Q;
  /** Request headers the operation reads, an object schema keyed by lower-case name (`idempotency-key`). */
  headers?: z.ZodType;
  body?: B;
  /** Schema of the `data` member of a success response (of one item, for lists). */
  response: R;
  /** Lists answer { data: [...], next_cursor }. */
  list?: boolean;
  /** Each success status the operation answers, with what it means; `{ 200: "Success" }` when absent. */
  success?: Partial<Record<200 | 201 | 202, string>>;
  /** Error codes beyond the ones every operation can answer (400 on bad input, 401, 403, 500). */
  errors?: ErrorCode[];
  /** A realistic success `data` for the reference page. */
  example?: unknown;
  /** A realistic request body. */
  bodyExample?: unknown;
}

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  op: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return op;
}

export type InferOr<S, Fallback> = S extends z.ZodType ? z.infer<S> : Fallback;
