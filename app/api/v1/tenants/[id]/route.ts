import { getDb } from "@/db";
import { putTenantOp } from "@/lib/billing/operations";
import { upsertTenant } from "@/lib/billing/tenants";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const PUT = withApiAuth(putTenantOp, async ({ params, body }) => ok(await upsertTenant(getDb(), params.id, body)));
