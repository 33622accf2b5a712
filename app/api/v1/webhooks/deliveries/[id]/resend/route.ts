import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { resendDelivery } from "@/lib/notifications/list-deliveries";
import { resendWebhookDeliveryOp } from "@/lib/notifications/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(resendWebhookDeliveryOp, async ({ params }) => ok(await resendDelivery(getDb(), params.id)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
