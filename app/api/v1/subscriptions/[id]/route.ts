import { getDb } from "@/db";
import { putSubscriptionOp } from "@/lib/billing/operations";
import { upsertSubscription } from "@/lib/billing/subscriptions";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const PUT = withApiAuth(putSubscriptionOp, async ({ params, body }) => ok(await upsertSubscription(getDb(), params.id, body)));
