import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { deleteWebhookEndpoint } from "@/lib/notifications/endpoints";
import { deleteWebhookEndpointOp } from "@/lib/notifications/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(deleteWebhookEndpointOp, async ({ params }) => ok(await deleteWebhookEndpoint(getDb(), params.id)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
