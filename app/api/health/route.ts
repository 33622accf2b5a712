import { getDb } from "@/db";
import { checkHealth } from "@/lib/platform/check-health";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/health", async () => {
  const report = await checkHealth(getDb());
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
