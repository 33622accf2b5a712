/**
 * CORS for arcadia-app's browser calls to /api/v1. Bearer tokens only: credentials are never allowed, and an origin
 * not listed in CORS_ORIGINS gets no CORS headers at all.
 */
export const corsAllowedMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
export const corsAllowedHeaders = "Authorization, Content-Type, X-Request-Id";

export function corsHeadersFor(origin: string | null, allowed: readonly string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "X-Request-Id",
    Vary: "Origin",
  };
}

export function preflightHeadersFor(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const base = corsHeadersFor(origin, allowed);
  if (!base["Access-Control-Allow-Origin"]) return { Vary: "Origin" };
  return {
    ...base,
    "Access-Control-Allow-Methods": corsAllowedMethods,
    "Access-Control-Allow-Headers": corsAllowedHeaders,
    "Access-Control-Max-Age": "600",
  };
}
