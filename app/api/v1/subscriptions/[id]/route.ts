import { getDb } from "@/db";
import { putSubscriptionOp } from "@/lib/billing/operations";
import { upsertSubscription } from "@/lib/billing/subscriptions";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(putSubscriptionOp, async ({ params, body }) => {
  const { item, created } = await upsertSubscription(getDb(), params.id, body);
  return ok(item, { status: created ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
