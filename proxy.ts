import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/platform/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import { preflightHeadersFor } from "@/lib/http/cors";

/** Pages that need a session: visitors without a session cookie are sent to sign in first. */
const signedInPrefixes = ["/inventory", "/resources", "/drift", "/costs", "/catalog", "/jobs", "/margin", "/plans"];

/**
 * Answers CORS preflights for /api/v1, gives every page its Content-Security-Policy with a fresh nonce, and sends
 * visitors without a session cookie to the sign-in page. Optimistic only: real authorisation happens where each
 * request is handled (admin layout, server actions, withApiAuth).
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
  if (!hasSession && signedInPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const e = env();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, {
    development: e.NODE_ENV === "development",
    https: e.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  matcher: [
    // Only CORS preflights (they always carry Access-Control-Request-Method) pass through here on /api/v1: every other
    // API request goes straight to its handler, which checks the bearer token itself.
    { source: "/api/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    // Every page; not API routes, static files, or the sign-in link (a redirect that must stay as it is).
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|auth/arcadia).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
