import { getDb } from "@/db";
import { listInvoices } from "@/lib/costs/list-invoices";
import { listInvoicesOp } from "@/lib/costs/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listInvoicesOp, async ({ query }) => {
  const page = await listInvoices(getDb(), query);
  return okList(page.data, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
