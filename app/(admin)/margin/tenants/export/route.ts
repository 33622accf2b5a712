import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { latestInvoicedPeriod, loadMarginReport } from "@/lib/billing/load-margin-page";
import { parseMarginPageQuery } from "@/lib/billing/margin-page-query";
import { currentPeriod, periodLabel } from "@/lib/billing/month";
import { filterTenantRows, sortTenantRows, tenantRowsCsv, toTenantMarginRows } from "@/lib/billing/tenant-margin-rows";

export const dynamic = "force-dynamic";

/** The per-tenant table as CSV, same month, allocation, filter and order. Not under the admin layout: checks the session itself. */
export async function GET(req: NextRequest): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in first.\n", { status: 401, headers: { "content-type": "text/plain" } });
  if (user.role !== "platform_admin") return new Response("This export is for platform admins.\n", { status: 403, headers: { "content-type": "text/plain" } });

  const q = parseMarginPageQuery(Object.fromEntries(req.nextUrl.searchParams));
  const db = getDb();
  const month = q.month && q.month <= currentPeriod() ? q.month : await latestInvoicedPeriod(db);
  const report = await loadMarginReport(db, month, month, q.allocate === "1");
  const csv = tenantRowsCsv(report, sortTenantRows(filterTenantRows(toTenantMarginRows(report), q.billed), q.sort, q.dir));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="arcadia-margin-tenants-${periodLabel(month)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
