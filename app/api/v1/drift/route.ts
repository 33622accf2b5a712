import { getDb } from "@/db";
import { listDrift } from "@/lib/drift/list-drift";
import { listDriftOp } from "@/lib/drift/operations";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const GET = withApiAuth(listDriftOp, async ({ query }) => {
  const page = await listDrift(getDb(), query);
  return okList(page.data, page.next_cursor);
});
