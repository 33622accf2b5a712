import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { costLinesCsvHeader, toCostLinesCsvRows } from "@/lib/costs/cost-lines-csv";
import { exploreCostLines } from "@/lib/costs/explore-cost-lines";
import { parseExplorerQuery } from "@/lib/costs/explorer-query";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/platform/env";

export const dynamic = "force-dynamic";

const BATCH = 2000;

/**
 * The explorer's lines as CSV: the same filters and order as the page, every page of them. A route handler is not
 * covered by the admin layout, so it checks the session itself. Streamed in keyset batches, so a 100,000-line invoice
 * never sits in memory.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in first.\n", { status: 401, headers: { "content-type": "text/plain" } });
  if (user.role !== "platform_admin") return new Response("This export is for platform admins.\n", { status: 403, headers: { "content-type": "text/plain" } });

  const { query, isValid } = parseExplorerQuery(Object.fromEntries(req.nextUrl.searchParams));
  if (!isValid) return new Response("Invalid filters.\n", { status: 400, headers: { "content-type": "text/plain" } });

  const db = getDb();
  const encoder = new TextEncoder();
  let after: { value: string; id: number } | undefined;
  let isDone = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(costLinesCsvHeader()));
    },
    async pull(controller) {
      if (isDone) return;
      const page = await exploreCostLines(db, query, { limit: BATCH, after }, env().TENANT_TAG_PREFIX);
      if (page.rows.length) controller.enqueue(encoder.encode(toCostLinesCsvRows(page.rows)));
      if (page.rows.length < BATCH || !page.after) {
        isDone = true;
        controller.close();
        return;
      }
      after = page.after;
    },
  });
  const name = `arcadia-cost-lines-${query.period?.slice(0, 7) ?? "all"}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
