import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { preflightHeadersFor } from "@/lib/http/cors";

/**
 * Optimistic only: answers CORS preflights for /api/v1 and sends visitors without a session cookie to the sign-in page.
 * Real authorisation happens where each request is handled (admin layout, server actions, withApiAuth).
 */
export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (pathname.startsWith("/api/v1/")) {
    if (req.method === "OPTIONS") {
      const headers = preflightHeadersFor(req.headers.get("origin"), env().CORS_ORIGINS);
      return new NextResponse(null, { status: 204, headers });
    }
    return NextResponse.next();
  }
  const hasSession =
    req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    // Only CORS preflights (they always carry Access-Control-Request-Method) pass through here on /api/v1: every other
    // API request goes straight to its handler, which checks the bearer token itself.
    { source: "/api/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    "/inventory/:path*", "/resources/:path*", "/drift/:path*", "/costs/:path*", "/catalog/:path*", "/jobs/:path*", "/plans/:path*",
  ],
};
