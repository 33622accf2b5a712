import { getDb } from "@/db";
import { putTenantOp } from "@/lib/billing/operations";
import { upsertTenant } from "@/lib/billing/tenants";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(putTenantOp, async ({ params, body }) => {
  const { item, created } = await upsertTenant(getDb(), params.id, body);
  return ok(item, { status: created ? 201 : 200 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
