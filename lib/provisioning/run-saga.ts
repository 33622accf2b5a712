import "server-only";
import { eq } from "drizzle-orm";
import { type ProvisioningRequest, provisioningRequests } from "@/db/schema";
import type { ProvisioningAction, ProvisioningStatus } from "@/db/schema/provisioning-constants";
import { type ProvisioningDeps, requestTag } from "./config";
import { createDropletSaga } from "./create-droplet-saga";
import { deleteDropletSaga } from "./delete-droplet-saga";
import { finishRequest, markRunning } from "./finish-request";
import { recordPoll, recordSkipped, recordStep } from "./record-step";
import { resizeDropletSaga } from "./resize-droplet-saga";
import { revertDriftSaga } from "./revert-drift-saga";
import type { RequestSnapshot, Saga, SagaContext, SagaStep } from "./saga";
import { describeFailure, PermanentStepError, SagaSuspended, type StepDriver } from "./step-driver";

export const sagas: Record<ProvisioningAction, Saga> = {
  create_droplet: createDropletSaga,
  resize_droplet: resizeDropletSaga,
  delete_droplet: deleteDropletSaga,
  revert_drift: revertDriftSaga,
};

/** How a run ended: the request's status, or `suspended` while it waits for approval (in-process only). */
export type SagaOutcome = ProvisioningStatus | "suspended";

function toSnapshot(row: ProvisioningRequest): RequestSnapshot {
  return {
    id: row.id,
    tenantId: row.tenantId,
    action: row.action,
    params: row.params,
    requestedBy: row.requestedBy,
    isDryRun: row.isDryRun,
    needsApproval: row.needsApproval,
    providerId: row.providerId,
    resourceId: row.resourceId,
  };
}

async function readDecision(deps: ProvisioningDeps, requestId: string) {
  const [row] = await deps.db
    .select({ status: provisioningRequests.status, decision: provisioningRequests.decision, decidedBy: provisioningRequests.decidedBy })
    .from(provisioningRequests)
    .where(eq(provisioningRequests.id, requestId));
  // Cancelled after an approval, before the saga resumed: the cancellation wins.
  if (row?.decision === "approved" && row.status !== "cancelled") return { done: true as const, output: { decision: "approved", decided_by: row.decidedBy } };
  if (!row || row.decision === "rejected" || row.status === "cancelled") return { done: true as const, output: { decision: "rejected", decided_by: row?.decidedBy ?? null } };
  return { done: false as const };
}

/**
 * Runs (or resumes) the request's saga with `driver`: each step once, in order, its outcome stored per request; a
 * failure runs the saga's compensation and ends the request `compensated` (something at DO was undone) or `failed`.
 * The same code runs inside an Inngest function and in-process: only the driver differs.
 */
export async function runSaga(deps: ProvisioningDeps, requestId: string, driver: StepDriver): Promise<SagaOutcome> {
  const { db, config } = deps;
  const started = await driver.run("start", async () => {
    const row = await markRunning(db, requestId);
    return row ? toSnapshot(row) : null;
  });
  if (!started) {
    const [row] = await db.select({ status: provisioningRequests.status }).from(provisioningRequests).where(eq(provisioningRequests.id, requestId));
    return row?.status ?? "failed";
  }
  const saga = sagas[started.action];
  const ctx: SagaContext = {
    request: started,
    outputs: {},
    deps,
    client: () => {
      if (!config.isEnabled) throw new PermanentStepError("PROVISIONING_ENABLED is not set: nothing may reach DigitalOcean");
      return deps.doClient();
    },
    tenantTag: `${config.tagPrefix}${started.tenantId}`,
    requestTag: requestTag(started.id),
    attempt: 1,
  };

  const exec = async (step: SagaStep): Promise<Record<string, unknown>> => {
    let output: Record<string, unknown>;
    if (step.when && !step.when(ctx)) {
      output = await driver.run(step.name, () => recordSkipped(db, requestId, step.name, typeof step.skipReason === "function" ? step.skipReason(ctx) : (step.skipReason ?? "not needed")));
    } else if ("run" in step) {
      output = await driver.run(step.name, () => recordStep(db, requestId, step.name, (attempt) => step.run({ ...ctx, attempt })));
    } else {
      const isApproval = "approval" in step;
      const timeoutMs = isApproval ? Number.POSITIVE_INFINITY : config.actionTimeoutMs;
      const poll = isApproval ? () => readDecision(deps, requestId) : (attempt: number) => step.poll({ ...ctx, attempt });
      for (let i = 1; ; i++) {
        const outcome = await driver.run(i === 1 ? step.name : `${step.name}#${i}`, () => recordPoll(db, requestId, step.name, timeoutMs, poll));
        if (outcome.done) {
          output = outcome.output;
          break;
        }
        if (isApproval) await driver.waitForDecision(`${step.name}-wait#${i}`, requestId);
        else await driver.sleep(`${step.name}-sleep#${i}`, config.pollIntervalMs);
      }
    }
    ctx.outputs[step.name] = output;
    return output;
  };

  try {
    for (const step of saga.steps) {
      const output = await exec(step);
      if (step.name === "approval" && output.decision !== undefined) {
        // Rejected while it waited: the decision already ended the request (and released what it held).
        if (output.decision === "rejected") return "cancelled";
        const resumed = await driver.run("approved", () => markRunning(db, requestId).then((row) => ({ running: row !== null })));
        if (!resumed.running) return "cancelled";
      }
    }
  } catch (e) {
    if (e instanceof SagaSuspended) return "suspended";
    const error = describeFailure(e);
    let undid = false;
    let compensationError: string | null = null;
    for (const step of saga.compensate) {
      try {
        if ((await exec(step)).undid === true) undid = true;
      } catch (ce) {
        compensationError = describeFailure(ce);
      }
    }
    const status = undid && !compensationError ? "compensated" : "failed";
    const message = compensationError ? `${error}; compensation failed: ${compensationError}` : error;
    return driver.run("finish", () => finishRequest(db, requestId, status, message));
  }
  return driver.run("finish", () => finishRequest(db, requestId, "succeeded", null));
}
