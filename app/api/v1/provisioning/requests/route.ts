import { getDb } from "@/db";
import { startProvisioning } from "@/jobs/provisioning-runs";
import { apiActor } from "@/lib/drift/api-actor";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { createProvisioningRequest } from "@/lib/provisioning/create-request";
import { createProvisioningRequestOp } from "@/lib/provisioning/operations";

export const dynamic = "force-dynamic";

const handler = withApiAuth(createProvisioningRequestOp, async ({ body, headers, principal }) => {
  const { item, isReplay } = await createProvisioningRequest(provisioningDepsFromEnv(getDb(), env()), {
    body,
    idempotencyKey: headers["idempotency-key"]!,
    requestedBy: apiActor(principal),
  });
  if (!isReplay) await startProvisioning(item);
  return ok(item, { status: 202, headers: isReplay ? { "Idempotent-Replayed": "true" } : {} });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
