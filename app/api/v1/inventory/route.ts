import { getDb } from "@/db";
import { env } from "@/lib/env";
import { listResources } from "@/lib/inventory/list-resources";
import { listResourcesQuery } from "@/lib/inventory/schemas";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";
import { parseOrThrow } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export const GET = withApiAuth({ roles: ["platform_admin", "tenant"] }, async ({ req, principal }) => {
  const query = parseOrThrow(listResourcesQuery, Object.fromEntries(req.nextUrl.searchParams), "query");
  // Admins see the whole account; a tenant sees only the resources tagged as theirs.
  const tag = principal.role === "tenant" ? `${env().TENANT_TAG_PREFIX}${principal.tenantId}` : undefined;
  const page = await listResources(getDb(), { ...query, tag });
  return okList(page.data, page.next_cursor);
});
