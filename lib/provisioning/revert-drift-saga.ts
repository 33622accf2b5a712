import "server-only";
import { closeRevertedDrift } from "@/lib/drift/close-reverted-drift";
import { resizeDropletSaga } from "./resize-droplet-saga";
import { dryRun, type Saga, type SagaContext, type SagaStep } from "./saga";
import { dropletIdOf, refreshInventoryStep } from "./saga-steps";
import type { RevertDriftParams } from "./revert-drift-schemas";
import { PermanentStepError } from "./step-driver";

const paramsOf = (ctx: SagaContext) => ctx.request.params as RevertDriftParams;
const hasSize = (ctx: SagaContext) => typeof paramsOf(ctx).size === "string";
const hasTags = (ctx: SagaContext) => (paramsOf(ctx).add_tags?.length ?? 0) + (paramsOf(ctx).remove_tags?.length ?? 0) > 0;

/** The resize saga's own step (DO's rules: power off → resize → power on), run only when the revert resizes. */
function resizeStep(name: string, steps: readonly SagaStep[] = resizeDropletSaga.steps): SagaStep {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`the resize saga has no step ${name}`);
  return {
    ...step,
    when: (ctx) => hasSize(ctx) && (step.when?.(ctx) ?? true),
    skipReason: (ctx) => (hasSize(ctx) ? skipReasonOf(step, ctx) : "the revert changes no size"),
  };
}

function skipReasonOf(step: SagaStep, ctx: SagaContext): string {
  return typeof step.skipReason === "function" ? step.skipReason(ctx) : (step.skipReason ?? "not needed");
}

const retagStep: SagaStep = {
  name: "retag",
  when: hasTags,
  skipReason: "the revert changes no tags",
  run: async (ctx) => {
    const id = dropletIdOf(ctx)!;
    const { add_tags: add = [], remove_tags: remove = [] } = paramsOf(ctx);
    if (ctx.request.isDryRun) return { ...dryRun("POST", "/v2/tags/{tag}/resources", { add, remove, droplet_id: id }) };
    // Tagging twice and untagging what is not there are both no-ops at DO, so a retried step is harmless.
    for (const tag of add) await ctx.client().tagDroplets(tag, [id]);
    for (const tag of remove) await ctx.client().untagDroplets(tag, [id]);
    return { droplet_id: id, added: add, removed: remove };
  },
};

/** The drift closes `reverted` only if the droplet DO now reports matches the spec; otherwise the request fails. */
const confirmStep: SagaStep = {
  name: "confirm-revert",
  run: async (ctx) => {
    if (ctx.request.isDryRun) return { dry_run: true, drift_id: paramsOf(ctx).drift_id };
    const confirmation = await closeRevertedDrift(ctx.deps.db, paramsOf(ctx).drift_id, ctx.request.id, ctx.request.requestedBy);
    if (!confirmation.matches) {
      throw new PermanentStepError(
        `DO still reports ${paramsOf(ctx).field} ${JSON.stringify(confirmation.actual)}, not the spec's ${JSON.stringify(confirmation.expected)}: the drift stays open`,
      );
    }
    return { drift_id: paramsOf(ctx).drift_id, drift_status: confirmation.status };
  },
};

/**
 * Makes a drifted droplet match its spec again where DO allows it in place: its size by the resize saga's steps, its
 * tags by tagging and untagging. The spec stays as it is; the droplet is refreshed from DO and the drift closes as
 * reverted once that refreshed state matches (confirm-revert).
 */
export const revertDriftSaga: Saga = {
  action: "revert_drift",
  steps: [
    ...["inspect", "power-off", "wait-power-off", "resize", "wait-resize", "power-on", "wait-power-on"].map((name) => resizeStep(name)),
    retagStep,
    refreshInventoryStep,
    confirmStep,
  ],
  compensate: resizeDropletSaga.compensate.map((s) => resizeStep(s.name, resizeDropletSaga.compensate)),
};
