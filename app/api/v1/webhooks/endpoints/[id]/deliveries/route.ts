import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";
import { listWebhookDeliveries } from "@/lib/notifications/list-deliveries";
import { listWebhookDeliveriesOp } from "@/lib/notifications/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listWebhookDeliveriesOp, async ({ params, query }) => {
  const page = await listWebhookDeliveries(getDb(), params.id, query);
  return okList(page.data, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
