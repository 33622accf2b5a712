import { getDb } from "@/db";
import { listDrift } from "@/lib/drift/list-drift";
import { listDriftOp } from "@/lib/drift/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listDriftOp, async ({ query }) => {
  const page = await listDrift(getDb(), query);
  return okList(page.data, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
