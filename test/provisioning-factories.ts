import type { Db, DbOrTx } from "@/db/client";
import { provisioningRequests } from "@/db/schema";
import type { ProvisioningStatus } from "@/db/schema/provisioning-constants";
import { createPlan } from "@/lib/catalog/plans";
import { publishVersion } from "@/lib/catalog/publish-version";
import type { PlanItemDto } from "@/lib/catalog/schemas";
import { starterPlans } from "@/lib/catalog/seed-starter-catalog";
import { createDoClient } from "@/lib/digitalocean/client";
import type { ProvisioningConfig, ProvisioningDeps } from "@/lib/provisioning/config";
import { createSubscription, createTenant } from "./billing-factories";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/**
 * A tenant subscribed (active, since January 2025) to a published copy of the Starter plan (744 droplet hours included,
 * hard cap 1,488), with `allowedSizes` as the version's size list. Every call makes its own plan and tenant.
 */
export async function subscribeTenant(
  db: DbOrTx,
  opts: { allowedSizes?: string[]; items?: PlanItemDto[]; status?: "active" | "trialing" | "canceled"; tenantId?: string } = {},
) {
  const id = unique();
  const starter = starterPlans.find((p) => p.code === "starter")!;
  const { draft } = await createPlan(
    db,
    { code: `starter-${id}`, name: `Starter ${id}`, description: "" },
    { base_price_cents: starter.base_price_cents, currency: "AUD", items: opts.items ?? [...starter.items], allowed_sizes: opts.allowedSizes ?? [] },
  );
  await publishVersion(db, draft.id, "factory");
  const tenant = await createTenant(db, { id: opts.tenantId ?? `acme-${id}` });
  const subscription = await createSubscription(db, { tenantId: tenant.id, planVersionId: draft.id, status: opts.status ?? "active" });
  return { tenantId: tenant.id, versionId: draft.id, subscriptionId: subscription.id };
}

/** Provisioning against a fake DO, quick to poll; `config` overrides the defaults (enabled, no dry run). */
export function provisioningDeps(db: Db, doUrl: string, config: Partial<ProvisioningConfig> = {}): ProvisioningDeps {
  const client = createDoClient({ token: "test", baseUrl: doUrl, retryBaseMs: 1, maxRetries: 2 });
  return {
    db,
    doClient: () => client,
    config: {
      isEnabled: true,
      isDryRun: false,
      tagPrefix: "tenant:",
      approvalThresholdCents: 200_00,
      projectId: undefined,
      pollIntervalMs: 20,
      actionTimeoutMs: 30_000,
      leaseMs: 5_000,
      stepRetries: 2,
      retryBaseMs: 5,
      ...config,
    },
  };
}

/** A request row as the API stores one, for tests that only need one to exist (the OpenAPI contract, hostile input). */
export async function seedProvisioningRequest(db: DbOrTx, overrides: { id?: string; tenantId?: string; status?: ProvisioningStatus; needsApproval?: boolean } = {}) {
  const [row] = await db
    .insert(provisioningRequests)
    .values({
      ...(overrides.id ? { id: overrides.id } : {}),
      tenantId: overrides.tenantId ?? "acme",
      action: "create_droplet",
      params: { name: "tenant-acme-web-1", region: "syd1", size: "s-1vcpu-1gb", image: "ubuntu-24-04-x64" },
      status: overrides.status ?? "succeeded",
      requestedBy: "arcadia-app:seed",
      needsApproval: overrides.needsApproval ?? false,
      monthlyCogsCents: 600,
      finishedAt: overrides.status && ["queued", "running", "awaiting_approval"].includes(overrides.status) ? null : new Date(),
    })
    .returning();
  return row!;
}
