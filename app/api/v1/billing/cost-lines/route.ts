import { getDb } from "@/db";
import { listCostLines } from "@/lib/costs/list-cost-lines";
import { listCostLinesOp } from "@/lib/costs/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okJsonList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listCostLinesOp, async ({ query }) => {
  const page = await listCostLines(getDb(), query);
  return okJsonList(page.items, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
