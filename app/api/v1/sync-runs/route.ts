import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";
import { listSyncRunsOp } from "@/lib/inventory/operations";
import { listSyncRuns } from "@/lib/inventory/sync/list-sync-runs";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listSyncRunsOp, async ({ query }) => {
  const page = await listSyncRuns(getDb(), query);
  return okList(page.data, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
