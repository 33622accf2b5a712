import { getDb } from "@/db";
import { announceDecision } from "@/jobs/provisioning-runs";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { approveRequest } from "@/lib/provisioning/decide-request";
import { approveProvisioningRequestOp } from "@/lib/provisioning/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(approveProvisioningRequestOp, async ({ params, principal }) => {
  const item = await approveRequest(getDb(), params.id, apiActor(principal));
  await announceDecision(item.id, "approved");
  return ok(item);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
