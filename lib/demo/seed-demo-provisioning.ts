import "server-only";
import { eq } from "drizzle-orm";
import { provisioningRequests } from "@/db/schema";
import type { ProvisioningDeps } from "@/lib/provisioning/config";
import { createProvisioningRequest } from "@/lib/provisioning/create-request";
import type { CreateRequestBody } from "@/lib/provisioning/schemas";

const demoActor = "demo-seed";

/**
 * Globex asks for a memory-optimised droplet to transcode video: US$1,008 a month, above the approval threshold, so it
 * waits on the operations console for an admin. Made through the provisioning API's own operation (entitlements,
 * reservation, its `provisioning.requested` event); no saga is started, as in the demo's in-process mode an approval
 * starts the run. Once: any request the seed made before counts (idempotency keys expire after a day).
 */
export const demoProvisioningRequest: CreateRequestBody = {
  tenant_id: "globex",
  action: "create_droplet",
  params: { name: "tenant-globex-transcode-1", region: "syd1", size: "m-16vcpu-128gb", image: "ubuntu-24-04-x64" },
};

export async function seedDemoProvisioning(deps: ProvisioningDeps): Promise<string> {
  if (!deps.config.isEnabled && !deps.config.isDryRun) return "demo provisioning: off (PROVISIONING_ENABLED is not set)";
  const [earlier] = await deps.db.select({ id: provisioningRequests.id }).from(provisioningRequests).where(eq(provisioningRequests.requestedBy, demoActor)).limit(1);
  if (earlier) return "demo provisioning: 0 requests created";
  const { item } = await createProvisioningRequest(deps, { body: demoProvisioningRequest, idempotencyKey: `${demoActor}:globex-transcode`, requestedBy: demoActor });
  return `demo provisioning: 1 request created (${item.status})`;
}
