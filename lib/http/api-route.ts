import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { dbErrorMessage, isConnectionError } from "@/db/connection-errors";
import { type ArcadiaPrincipal, arcadiaVerifierConfig, bearerToken, InvalidTokenError, verifyArcadiaJwt } from "@/lib/auth/arcadia-jwt";
import { describeError } from "@/db/describe-error";
import { env } from "@/lib/platform/env";
import { type Logger, logger } from "@/lib/platform/log";
import { httpMetricsFor } from "@/lib/platform/metrics";
import { corsHeadersFor } from "./cors";
import { errorResponse } from "./envelope";
import { ApiError, parseOrThrow, retryAfterSeconds } from "./errors";
import type { InferOr, Operation } from "./operation";
import { readJson } from "./read-json";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  log: Logger;
}

type RouteContext<P> = { params: Promise<P> };
type Handler<C> = (ctx: C) => Promise<Response> | Response;

/**
 * Request id, structured log line, metrics, CORS and the error envelope: what every API handler gets. `route` is the
 * route's template (`/api/v1/tenants/{id}`), never the raw path: metric labels stay bounded whatever paths arrive.
 */
export function apiRoute<P = Record<string, never>>(route: string, handler: Handler<ApiContext<P>>) {
  return async (req: NextRequest, routeCtx?: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = sanitizeRequestId(req.headers.get("x-request-id")) ?? randomUUID();
    // The request's child logger is made only when something logs through it: most requests log one line.
    let child: Logger | undefined;
    const requestLog = () => (child ??= logger().child({ requestId }));
    let res: Response;
    try {
      const params = ((await routeCtx?.params) ?? {}) as P;
      res = await handler({
        req,
        params,
        requestId,
        get log() {
          return requestLog();
        },
      });
    } catch (e) {
      res = toErrorResponse(e, requestLog());
    }
    const durationMs = performance.now() - started;
    res.headers.set("x-request-id", requestId);
    for (const [k, v] of Object.entries(corsHeadersFor(req.headers.get("origin"), env().CORS_ORIGINS))) {
      res.headers.set(k, v);
    }
    if (env().METRICS_ENABLED) httpMetricsFor(route, req.method, res.status).observe(durationMs / 1000);
    const line = { method: req.method, route, path: req.nextUrl.pathname, status: res.status, durationMs: Math.round(durationMs) };
    if (child) child.info(line, "request");
    else logger().info({ requestId, ...line }, "request");
    return res;
  };
}

export interface OperationContext<P, Q, B> {
  req: NextRequest;
  requestId: string;
  log: Logger;
  principal: ArcadiaPrincipal;
  params: P;
  query: Q;
  body: B;
  /** The operation's `headers`, parsed (lower-case names); empty when it declares none. */
  headers: Record<string, string | undefined>;
}

/**
 * An /api/v1 handler for `op`: requires arcadia-app's bearer JWT with one of the operation's roles (unless it is
 * public), then parses params, query and body with the operation's schemas; bad input is a 400 naming the problem.
 */
export function withApiAuth<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  op: Operation<P, Q, B, R>,
  handler: (ctx: OperationContext<InferOr<P, Record<string, never>>, InferOr<Q, Record<string, never>>, InferOr<B, undefined>>) => Promise<Response> | Response,
) {
  const route = apiRoute<Record<string, string>>(op.path, async (ctx) => {
    const principal = op.roles === "public" ? anonymous : await authenticate(ctx.req);
    if (op.roles !== "public" && !op.roles.includes(principal.role)) {
      throw new ApiError("forbidden", `This endpoint requires the role ${op.roles.join(" or ")}`);
    }
    const params = op.params ? parseOrThrow(op.params, ctx.params, "path parameters") : {};
    const query = op.query ? parseOrThrow(op.query, Object.fromEntries(ctx.req.nextUrl.searchParams), "query") : {};
    const headers = op.headers ? parseOrThrow(op.headers, Object.fromEntries(ctx.req.headers), "headers") : {};
    const body = op.body ? parseOrThrow(op.body, await readJson(ctx.req), "body") : undefined;
    return handler({ ...ctx, principal, params, query, headers, body } as never);
  });
  // The operation travels with its handler: apiMethods() builds a route's 405s from it, tests match routes to it.
  return Object.assign(route, { operation: op as Operation });
}

const anonymous: ArcadiaPrincipal = { sub: "anonymous", role: "tenant", tenantId: null, expiresAt: new Date(0) };

async function authenticate(req: NextRequest): Promise<ArcadiaPrincipal> {
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) throw new ApiError("unauthorized", "Missing bearer token: send Authorization: Bearer <JWT>");
  try {
    return await verifyArcadiaJwt(token, arcadiaVerifierConfig(env()));
  } catch (err) {
    if (err instanceof InvalidTokenError) throw new ApiError("unauthorized", `Invalid bearer token: ${err.message}`);
    throw err;
  }
}

function toErrorResponse(e: unknown, log: Logger): Response {
  if (e instanceof ApiError) {
    if (e.status >= 500) log.error({ err: e }, e.message);
    return errorResponse(e.code, e.message, e.details);
  }
  if (e instanceof SyntaxError) return errorResponse("invalid_request", "Request body is not valid JSON");
  if (isConnectionError(e)) {
    log.warn({ error: dbErrorMessage(e) }, "database unavailable");
    return errorResponse("unavailable", "The database is unavailable; retry shortly", null, { "Retry-After": String(retryAfterSeconds) });
  }
  log.error({ err: describeError(e) }, "unhandled error");
  return errorResponse("internal_error", "Something went wrong on our side; the request id identifies it in our logs");
}

function sanitizeRequestId(v: string | null): string | undefined {
  return v && /^[A-Za-z0-9._:-]{1,128}$/.test(v) ? v : undefined;
}
