import { type NextRequest, NextResponse } from "next/server";
import { arcadiaVerifierConfig, InvalidTokenError, verifyArcadiaJwt } from "@/lib/auth/arcadia-jwt";
import { getDb } from "@/db";
import { arcadiaSessionSubject, encodeSessionFor, isSecureSite, sessionCookieName } from "@/lib/auth/session-cookie";
import { currentSessionGeneration } from "@/lib/auth/session-generations";
import { env } from "@/lib/platform/env";
import { errorResponse } from "@/lib/http/envelope";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { logger } from "@/lib/platform/log";

/**
 * The sign-in link arcadia-app hands its users: /auth/arcadia?token=<JWT> (or a POSTed form field `token`). The token
 * is verified exactly as the API verifies it, exchanged for a next-auth session cookie, and the browser is redirected
 * away at once so the token never stays in the address bar, history or a Referer header.
 */
export async function GET(req: NextRequest) {
  return exchange(req.nextUrl.searchParams.get("token"));
}

export async function POST(req: NextRequest) {
  // Login CSRF: a form on another site carrying the attacker's own token would sign the victim into that session.
  if (!isSameOriginRequest(req, env().NEXTAUTH_URL)) {
    logger().warn({ origin: req.headers.get("origin"), fetchSite: req.headers.get("sec-fetch-site") }, "cross-site sign-in form refused");
    return errorResponse("forbidden", "Sign-in forms are accepted only from this site's own pages");
  }
  const form = await req.formData().catch(() => null);
  const token = form?.get("token");
  return exchange(typeof token === "string" ? token : null);
}

async function exchange(token: string | null) {
  try {
    const principal = await verifyArcadiaJwt(token ?? "", arcadiaVerifierConfig(env()));
    const generation = await currentSessionGeneration(getDb(), arcadiaSessionSubject(principal));
    const session = await encodeSessionFor(principal, generation);
    const target = principal.role === "platform_admin" ? "/inventory" : "/plans";
    const res = redirectTo(target);
    res.cookies.set(sessionCookieName(), session.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: isSecureSite(),
      maxAge: session.maxAge,
    });
    logger().info({ sub: principal.sub, role: principal.role }, "signed in through arcadia link");
    return res;
  } catch (err) {
    if (!(err instanceof InvalidTokenError)) throw err;
    logger().warn({ reason: err.message }, "arcadia sign-in link refused");
    return redirectTo(`/login?error=${encodeURIComponent("ArcadiaLink")}`);
  }
}

/** A relative Location keeps the browser on the host it used, behind any proxy, whatever Next thinks its origin is. */
function redirectTo(path: string) {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: path, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
  });
}
