import "server-only";
import { eq, sql } from "drizzle-orm";
import { provisioningRequests } from "@/db/schema";
import { DoApiError } from "@/lib/digitalocean/errors";
import type { DropletCreateBody } from "@/lib/digitalocean/provisioning-schemas";
import { refreshVolume, tombstoneResource } from "./refresh-inventory";
import { dryRun, outputOf, type Saga, type SagaContext, type SagaStep } from "./saga";
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

const paramsOf = (ctx: SagaContext) => ctx.request.params as CreateDropletParams;
const wantsVolume = (ctx: SagaContext) => Boolean(paramsOf(ctx).volume_gb);
/** The volume's name: unique to the request (DO allows one name per region), so a retry finds it by name. */
export const volumeName = (requestId: string) => `arcadia-${requestId}`;

function createBody(ctx: SagaContext): DropletCreateBody {
  const p = paramsOf(ctx);
  const volumeId = outputOf(ctx, "create-volume")?.volume_id;
  return {
    name: p.name,
    region: p.region,
    size: p.size,
    image: p.image,
    ...(p.ssh_keys?.length ? { ssh_keys: p.ssh_keys } : {}),
    // The request's own tag is how a retry finds what an attempt that died already created.
    tags: [ctx.tenantTag, ctx.requestTag],
    ...(typeof volumeId === "string" ? { volumes: [volumeId] } : {}),
  };
}

/** The tags of the droplet the create step made or found, when it recorded them. */
const createdTags = (ctx: SagaContext) => {
  const tags = outputOf(ctx, "create-droplet")?.tags;
  return Array.isArray(tags) ? (tags as string[]) : undefined;
};

const createVolumeStep: SagaStep = {
  name: "create-volume",
  when: wantsVolume,
  skipReason: "no volume_gb asked for",
  run: async (ctx) => {
    const p = paramsOf(ctx);
    const body = { name: volumeName(ctx.request.id), region: p.region, size_gigabytes: p.volume_gb!, tags: [ctx.tenantTag, ctx.requestTag], description: `for droplet ${p.name}` };
    if (ctx.request.isDryRun) return dryRun("POST", "/v2/volumes", body);
    const client = ctx.client();
    // As for the droplet: an earlier attempt may have made it already.
    const existing = ctx.attempt > 1 ? await client.findVolume(body.name, body.region) : null;
    const volume = existing ?? (await client.createVolume(body));
    return { volume_id: volume.id, name: volume.name, found_existing: Boolean(existing) };
  },
};

/** After the droplet (which deleting detaches it from): the request's volume. */
const deleteVolumeStep: SagaStep = {
  name: "compensate-delete-volume",
  when: wantsVolume,
  skipReason: "no volume was asked for",
  run: async (ctx) => {
    if (ctx.request.isDryRun) return { undid: false, dry_run: true };
    const volume = await ctx.client().findVolume(volumeName(ctx.request.id), paramsOf(ctx).region);
    if (!volume) return { undid: false };
    // DO detaches a deleted droplet's volumes a moment later: until then the volume's delete is a 409, worth retrying.
    const deleted = await ctx
      .client()
      .deleteVolume(volume.id)
      .catch((e: unknown) => {
        throw e instanceof DoApiError && e.status === 409 ? new Error(`volume ${volume.id} is still attached: ${e.message}`) : e;
      });
    await tombstoneResource(ctx.deps.db, "volume", volume.id);
    return { undid: deleted, volume_id: volume.id };
  },
};

/**
 * reserve → (approval) → (volume) → create → wait → tag and assign → refresh → record_provisioned → meter; compensated
 * by deleting what it made.
 */
export const createDropletSaga: Saga = {
  action: "create_droplet",
  steps: [
    reserveStep,
    approvalStep,
    createVolumeStep,
    {
      name: "create-droplet",
      run: async (ctx) => {
        const body = createBody(ctx);
        if (ctx.request.isDryRun) return dryRun("POST", "/v2/droplets", body);
        const client = ctx.client();
        // DO has no idempotency key: a retry (or a resumed run) first looks for the droplet an earlier attempt may
        // have made; the first attempt of all has nothing to look for, and saves DO the listing.
        const [existing] = ctx.attempt > 1 ? await client.listDropletsByTag(ctx.requestTag) : [];
        const { droplet, actionId } = existing ? { droplet: existing, actionId: null } : await client.createDroplet(body);
        await ctx.deps.db.update(provisioningRequests).set({ providerId: String(droplet.id), updatedAt: sql`now()` }).where(eq(provisioningRequests.id, ctx.request.id));
        return { droplet_id: droplet.id, action_id: actionId, found_existing: Boolean(existing), tags: droplet.tags };
      },
    },
    waitForAction("wait-create", "create-droplet"),
    {
      name: "tag",
      // DO applies the create's tags as it makes the droplet: two more calls per create (of DO's 250 a minute) only
      // when the droplet it answered with (or found again) lacks the tenant's tag.
      when: (ctx) => !createdTags(ctx)?.includes(ctx.tenantTag),
      skipReason: "DO made the droplet with the tenant's tag",
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
    {
      name: "refresh-volume",
      when: wantsVolume,
      skipReason: "no volume",
      run: async (ctx) => {
        if (ctx.request.isDryRun) return { dry_run: true };
        return { resource_id: await refreshVolume(ctx.deps.db, ctx.client(), volumeName(ctx.request.id), paramsOf(ctx).region) };
      },
    },
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
  compensate: [deleteCreatedStep, deleteVolumeStep],
};
