import { getDb } from "@/db";
import { announceDecision } from "@/jobs/provisioning-runs";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { cancelRequest } from "@/lib/provisioning/cancel-request";
import { cancelProvisioningRequestOp } from "@/lib/provisioning/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(cancelProvisioningRequestOp, async ({ params, principal }) => {
  const item = await cancelRequest(getDb(), params.id, apiActor(principal));
  // A saga waiting for approval wakes up, finds the request cancelled and stops.
  await announceDecision(item.id, "rejected");
  return ok(item);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
