import "server-only";
import type { NextRequest } from "next/server";
import { apiRoute } from "./api-route";
import { errorResponse } from "./envelope";
import type { HttpMethod, Operation } from "./operation";

type RouteHandler = (req: NextRequest, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type OperationHandler = RouteHandler & { operation: Operation };

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const satisfies readonly HttpMethod[];

/**
 * Every method of one /api/v1 route file, from the withApiAuth handlers of its operations: the rest answer 405 in the
 * error envelope with `Allow`, instead of Next's bodiless 405, and OPTIONS names the same methods. Preflights never
 * get here (proxy.ts answers them).
 *
 *     export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(withApiAuth(op, handler));
 */
export function apiMethods(...handlers: OperationHandler[]): Record<HttpMethod | "OPTIONS", RouteHandler> {
  const path = handlers[0]?.operation.path;
  if (!path || handlers.some((h) => h.operation.path !== path)) throw new Error("apiMethods: give the handlers of one path's operations");
  const served = new Map(handlers.map((h) => [h.operation.method, h as RouteHandler]));
  const allow = [...served.keys(), ...(served.has("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const notAllowed = apiRoute<Record<string, string>>(path, ({ req }) =>
    errorResponse("method_not_allowed", `${req.method} is not served here; this path serves ${allow}`, null, { Allow: allow }),
  );
  const options = apiRoute<Record<string, string>>(path, () => new Response(null, { status: 204, headers: { Allow: allow } }));
  return { ...Object.fromEntries(methods.map((m) => [m, served.get(m) ?? notAllowed])), OPTIONS: options } as Record<HttpMethod | "OPTIONS", RouteHandler>;
}

/** The operation a route file's exported handler serves, or undefined for a 405 or the catch-all. */
export function operationOf(handler: unknown): Operation | undefined {
  return typeof handler === "function" ? (handler as Partial<OperationHandler>).operation : undefined;
}
