import { getDb } from "@/db";
import { env } from "@/lib/platform/env";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okJsonList } from "@/lib/http/envelope";
import { listResourcesJson } from "@/lib/inventory/list-resources";
import { listInventoryOp } from "@/lib/inventory/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listInventoryOp, async ({ query, principal }) => {
  // Admins see the whole account; a tenant sees only the resources tagged as theirs.
  const tag = principal.role === "tenant" ? `${env().TENANT_TAG_PREFIX}${principal.tenantId}` : undefined;
  const page = await listResourcesJson(getDb(), { ...query, tag });
  return okJsonList(page.items, page.next_cursor);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
