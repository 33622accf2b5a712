import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { getRequestOrThrow } from "@/lib/provisioning/get-request";
import { getProvisioningRequestOp } from "@/lib/provisioning/operations";

export const dynamic = "force-dynamic";

// A tenant sees its own requests only; another tenant's answers 404, as if it did not exist.
const handler = withApiAuth(getProvisioningRequestOp, async ({ params, principal }) =>
  ok(await getRequestOrThrow(getDb(), params.id, { tenantId: principal.role === "tenant" ? principal.tenantId : null })),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
