import { getDb } from "@/db";
import { recordUsageOp } from "@/lib/billing/operations";
import { recordUsage } from "@/lib/billing/record-usage";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(recordUsageOp, async ({ body }) => {
  const { item, created } = await recordUsage(getDb(), body);
  return ok(item, { status: created ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
