import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db";
import { bearerToken } from "@/lib/auth/arcadia-jwt";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/platform/env";
import { apiRoute } from "@/lib/http/api-route";
import { errorResponse } from "@/lib/http/envelope";
import { metrics } from "@/lib/platform/metrics";
import { refreshDbGauges } from "@/lib/platform/metrics-gauges";

export const dynamic = "force-dynamic";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Prometheus text format. METRICS_TOKEN (bearer) when it is set; otherwise a platform admin's session. */
export const GET = apiRoute("/api/metrics", async ({ req }) => {
  const expected = env().METRICS_TOKEN;
  if (expected) {
    const given = bearerToken(req.headers.get("authorization"));
    if (!given || !sameSecret(given, expected)) return errorResponse("unauthorized", "Send Authorization: Bearer <METRICS_TOKEN>");
  } else {
    const user = await getSessionUser();
    if (!user) return errorResponse("unauthorized", "Sign in as a platform admin, or set METRICS_TOKEN for scrapers");
    if (user.role !== "platform_admin") return errorResponse("forbidden", "Metrics are for platform admins");
  }
  await refreshDbGauges(getDb());
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
});
