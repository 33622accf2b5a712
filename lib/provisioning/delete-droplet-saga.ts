import "server-only";
import { dryRun, type Saga } from "./saga";
import { approvalStep, dropletIdOf, meterUsageStep, recordProvisionedStep, refreshInventoryStep, reserveStep } from "./saga-steps";

/** Deletes the droplet (already gone counts as done), tombstones it, records that it should not exist, re-meters. */
export const deleteDropletSaga: Saga = {
  action: "delete_droplet",
  steps: [
    reserveStep,
    approvalStep,
    {
      name: "delete-droplet",
      run: async (ctx) => {
        const id = dropletIdOf(ctx)!;
        if (ctx.request.isDryRun) return dryRun("DELETE", `/v2/droplets/${id}`);
        return { droplet_id: Number(id), deleted: await ctx.client().deleteDroplet(id) };
      },
    },
    refreshInventoryStep,
    recordProvisionedStep(() => ({ exists: false })),
    meterUsageStep,
  ],
  // Nothing to undo: a delete that failed left the droplet as it was.
  compensate: [],
};
