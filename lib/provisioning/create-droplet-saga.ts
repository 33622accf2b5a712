import "server-only";
import { eq, sql } from "drizzle-orm";
import { provisioningRequests } from "@/db/schema";
import type { DropletCreateBody } from "@/lib/digitalocean/provisioning-schemas";
import { dryRun, type Saga, type SagaContext } from "./saga";
import {
  approvalStep,
  deleteCreatedStep,
  dropletIdOf,
  meterUsageStep,
  recordProvisionedStep,
  refreshInventoryStep,
  reserveStep,
  waitForAction,
} from "./saga-steps";
import type { CreateDropletParams } from "./schemas";

function createBody(ctx: SagaContext): DropletCreateBody {
  const p = ctx.request.params as CreateDropletParams;
  return {
    name: p.name,
    region: p.region,
    size: p.size,
    image: p.image,
    ...(p.ssh_keys?.length ? { ssh_keys: p.ssh_keys } : {}),
    // The request's own tag is how a retry finds what an attempt that died already created.
    tags: [ctx.tenantTag, ctx.requestTag],
  };
}

/** reserve → (approval) → create → wait → tag and assign → refresh → record_provisioned → meter; compensated by deleting. */
export const createDropletSaga: Saga = {
  action: "create_droplet",
  steps: [
    reserveStep,
    approvalStep,
    {
      name: "create-droplet",
      run: async (ctx) => {
        const body = createBody(ctx);
        if (ctx.request.isDryRun) return dryRun("POST", "/v2/droplets", body);
        const client = ctx.client();
        // DO has no idempotency key: before creating, look for the droplet an earlier attempt may have made.
        const [existing] = await client.listDropletsByTag(ctx.requestTag);
        const { droplet, actionId } = existing ? { droplet: existing, actionId: null } : await client.createDroplet(body);
        await ctx.deps.db.update(provisioningRequests).set({ providerId: String(droplet.id), updatedAt: sql`now()` }).where(eq(provisioningRequests.id, ctx.request.id));
        return { droplet_id: droplet.id, action_id: actionId, found_existing: Boolean(existing) };
      },
    },
    waitForAction("wait-create", "create-droplet"),
    {
      name: "tag",
      run: async (ctx) => {
        const id = dropletIdOf(ctx);
        if (ctx.request.isDryRun || !id) return dryRun("POST", `/v2/tags/${ctx.tenantTag}/resources`);
        await ctx.client().tagDroplets(ctx.tenantTag, [id]);
        return { tag: ctx.tenantTag, droplet_id: Number(id) };
      },
    },
    {
      name: "assign-project",
      when: (ctx) => Boolean(ctx.deps.config.projectId),
      skipReason: "PROVISIONING_PROJECT_ID is not set: the droplet stays in the default project",
      run: async (ctx) => {
        const projectId = ctx.deps.config.projectId!;
        const urn = `do:droplet:${dropletIdOf(ctx)}`;
        if (ctx.request.isDryRun) return dryRun("POST", `/v2/projects/${projectId}/resources`, { resources: [urn] });
        await ctx.client().assignToProject(projectId, [urn]);
        return { project_id: projectId, urn };
      },
    },
    refreshInventoryStep,
    recordProvisionedStep((ctx) => {
      const p = ctx.request.params as CreateDropletParams;
      return {
        name: p.name,
        region: p.region,
        size_slug: p.size,
        ...(typeof p.image === "string" ? { "image.slug": p.image } : { "image.id": p.image }),
        tags: [ctx.tenantTag, ctx.requestTag].sort(),
      };
    }),
    meterUsageStep,
  ],
  compensate: [deleteCreatedStep],
};
