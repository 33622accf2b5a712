import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { enableWebhookEndpoint } from "@/lib/notifications/endpoints";
import { enableWebhookEndpointOp } from "@/lib/notifications/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(enableWebhookEndpointOp, async ({ params }) => ok(await enableWebhookEndpoint(getDb(), params.id)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
