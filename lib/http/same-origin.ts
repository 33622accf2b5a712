import type { NextRequest } from "next/server";

/** This site's own origins: the public URL when configured, and the one the request was addressed to. */
function ownOrigins(req: NextRequest, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto}://${host}`);
  return origins;
}

/**
 * Whether a state-changing browser request was made by one of this site's own pages: `Origin` when the browser sent
 * one (every current browser does on a POST), else `Sec-Fetch-Site`. A request that says neither is refused: a form
 * on another site must not be able to act (or sign someone in) here.
 */
export function isSameOriginRequest(req: NextRequest, publicUrl: string | undefined): boolean {
  const origin = req.headers.get("origin");
  if (origin !== null) return ownOrigins(req, publicUrl).has(origin);
  return req.headers.get("sec-fetch-site") === "same-origin";
}
