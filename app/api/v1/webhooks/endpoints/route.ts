import { getDb } from "@/db";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok, okList } from "@/lib/http/envelope";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/notifications/endpoints";
import { createWebhookEndpointOp, listWebhookEndpointsOp } from "@/lib/notifications/operations";
import { notificationSettings } from "@/lib/notifications/settings";
import { env } from "@/lib/platform/env";

export const dynamic = "force-dynamic";

const list = withApiAuth(listWebhookEndpointsOp, async ({ query }) => {
  const page = await listWebhookEndpoints(getDb(), query);
  return okList(page.data, page.next_cursor);
});

const create = withApiAuth(createWebhookEndpointOp, async ({ body, principal }) =>
  ok(await createWebhookEndpoint(getDb(), body, { ...notificationSettings(env()), actor: apiActor(principal) }), { status: 201 }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(list, create);
