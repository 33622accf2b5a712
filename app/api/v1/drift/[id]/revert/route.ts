import { getDb } from "@/db";
import { startProvisioning } from "@/jobs/provisioning-runs";
import { apiActor } from "@/lib/drift/api-actor";
import { revertDriftOp } from "@/lib/drift/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { requestDriftRevert } from "@/lib/provisioning/request-drift-revert";

export const dynamic = "force-dynamic";

const handler = withApiAuth(revertDriftOp, async ({ params, principal }) => {
  const item = await requestDriftRevert(provisioningDepsFromEnv(getDb(), env()), params.id, apiActor(principal));
  await startProvisioning(item);
  return ok(item, { status: 202 });
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
