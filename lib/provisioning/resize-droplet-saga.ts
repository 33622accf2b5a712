import "server-only";
import { dryRun, outputOf, type Saga, type SagaContext, type SagaStep } from "./saga";
import { approvalStep, dropletIdOf, recordProvisionedStep, refreshInventoryStep, reserveStep, waitForAction } from "./saga-steps";
import type { ResizeDropletParams } from "./schemas";
import { PermanentStepError } from "./step-driver";

const targetSize = (ctx: SagaContext) => (ctx.request.params as ResizeDropletParams).size;
/** Whether the droplet was running when the saga found it: it is powered off for the resize and on again after. */
const wasActive = (ctx: SagaContext) => outputOf(ctx, "inspect")?.was_active === true;

function dropletAction(name: string, type: "power_off" | "power_on" | "resize", when?: (ctx: SagaContext) => boolean): SagaStep {
  return {
    name,
    when,
    skipReason: "the droplet was off already",
    run: async (ctx) => {
      const id = dropletIdOf(ctx)!;
      // `disk: true` grows the disk with the size, for good: DO never shrinks a disk, which the request was checked for.
      const body = type === "resize" ? { type, size: targetSize(ctx), disk: true } : { type };
      if (ctx.request.isDryRun) return dryRun("POST", `/v2/droplets/${id}/actions`, body);
      const action = await ctx.client().postDropletAction(id, body);
      return { action_id: action.id, type: action.type };
    },
  };
}

/** DO's rules for a resize: power off → resize (the disk only grows) → power on, each action waited for. */
export const resizeDropletSaga: Saga = {
  action: "resize_droplet",
  steps: [
    reserveStep,
    approvalStep,
    {
      name: "inspect",
      run: async (ctx) => {
        const id = dropletIdOf(ctx)!;
        if (ctx.request.isDryRun) return { ...dryRun("GET", `/v2/droplets/${id}`), was_active: true };
        const droplet = await ctx.client().getDroplet(id);
        if (!droplet) throw new PermanentStepError(`droplet ${id} is gone from DO`);
        return { was_active: droplet.status === "active", status: droplet.status, from_size: droplet.size_slug, disk: droplet.disk };
      },
    },
    dropletAction("power-off", "power_off", wasActive),
    waitForAction("wait-power-off", "power-off", wasActive),
    dropletAction("resize", "resize"),
    waitForAction("wait-resize", "resize"),
    dropletAction("power-on", "power_on", wasActive),
    waitForAction("wait-power-on", "power-on", wasActive),
    refreshInventoryStep,
    recordProvisionedStep((ctx, current) => ({ ...(current ?? {}), size_slug: targetSize(ctx) })),
  ],
  compensate: [
    {
      // A droplet this saga powered off is powered on again, whatever else failed: a failed resize must not leave it down.
      name: "compensate-power-on",
      when: (ctx) => outputOf(ctx, "power-off")?.action_id !== undefined && outputOf(ctx, "wait-power-on")?.status !== "completed",
      skipReason: "the saga had not powered the droplet off",
      run: async (ctx) => {
        const id = dropletIdOf(ctx)!;
        if (ctx.request.isDryRun) return { undid: false, ...dryRun("POST", `/v2/droplets/${id}/actions`, { type: "power_on" }) };
        const droplet = await ctx.client().getDroplet(id);
        if (!droplet || droplet.status === "active") return { undid: false, status: droplet?.status ?? "gone" };
        const action = await ctx.client().postDropletAction(id, { type: "power_on" });
        return { undid: true, action_id: action.id };
      },
    },
  ],
};
