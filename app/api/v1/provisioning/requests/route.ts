import { getDb } from "@/db";
import { startProvisioning } from "@/jobs/provisioning-runs";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok, okList } from "@/lib/http/envelope";
import { ApiError } from "@/lib/http/errors";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { createProvisioningRequest } from "@/lib/provisioning/create-request";
import { listRequests } from "@/lib/provisioning/list-requests";
import { createProvisioningRequestOp, listProvisioningRequestsOp } from "@/lib/provisioning/operations";

export const dynamic = "force-dynamic";

// Admins list every tenant's requests; a tenant only its own, and asking for another tenant's is refused.
const list = withApiAuth(listProvisioningRequestsOp, async ({ query, principal }) => {
  let tenantId = query.tenant_id;
  if (principal.role === "tenant") {
    if (!principal.tenantId || (tenantId !== undefined && tenantId !== principal.tenantId)) {
      throw new ApiError("forbidden", "A tenant token lists only its own tenant's requests");
    }
    tenantId = principal.tenantId;
  }
  const page = await listRequests(getDb(), { ...query, tenant_id: tenantId });
  return okList(page.data, page.next_cursor);
});

const create = withApiAuth(createProvisioningRequestOp, async ({ body, headers, principal }) => {
  const { item, isReplay } = await createProvisioningRequest(provisioningDepsFromEnv(getDb(), env()), {
    body,
    idempotencyKey: headers["idempotency-key"]!,
    requestedBy: apiActor(principal),
  });
  if (!isReplay) await startProvisioning(item);
  return ok(item, { status: 202, headers: isReplay ? { "Idempotent-Replayed": "true" } : {} });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(list, create);
