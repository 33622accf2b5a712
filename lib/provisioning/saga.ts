import type { ProvisioningAction } from "@/db/schema/provisioning-constants";
import type { DoClient } from "@/lib/digitalocean/client";
import type { ProvisioningDeps } from "./config";
import type { PollOutcome } from "./record-step";

/** What every step sees of its request: fixed when the request was made. */
export interface RequestSnapshot {
  id: string;
  tenantId: string;
  action: ProvisioningAction;
  params: Record<string, unknown>;
  requestedBy: string;
  isDryRun: boolean;
  needsApproval: boolean;
  /** For resize and delete, the droplet's DO id from the request; a create learns its own. */
  providerId: string | null;
  resourceId: string | null;
}

export interface SagaContext {
  request: RequestSnapshot;
  /** The outputs of the steps run (or resumed) so far, by step name. */
  outputs: Record<string, Record<string, unknown>>;
  deps: ProvisioningDeps;
  /** The DO client; throws when PROVISIONING_ENABLED is not set, so no step reaches DO by accident. */
  client(): DoClient;
  tenantTag: string;
  /** The request-unique tag on what this request creates. */
  requestTag: string;
  /** The running step's attempt (or poll): 1 the first time for the request, more after a retry or a resume. */
  attempt: number;
}

type StepOutput = Record<string, unknown>;

/**
 * One named step. `run` runs once (its output stored); `poll` runs until it says done, with the poll interval between
 * polls; `approval` waits for an admin's decision. `when` false records the step as skipped.
 */
export type SagaStep = {
  name: string;
  when?: (ctx: SagaContext) => boolean;
  /** Why a step whose `when` is false was skipped, for the timeline. */
  skipReason?: string | ((ctx: SagaContext) => string);
} & ({ run: (ctx: SagaContext) => Promise<StepOutput> } | { poll: (ctx: SagaContext) => Promise<PollOutcome<StepOutput>> } | { approval: true });

export interface Saga {
  action: ProvisioningAction;
  steps: SagaStep[];
  /**
   * Run in order when a step fails: each undoes what the saga did at DO, saying `undid: true` when it did something,
   * which makes the request end `compensated` rather than `failed`.
   */
  compensate: SagaStep[];
}

/** A dry run's stand-in for a DO call: what would have been sent. */
export function dryRun(method: string, path: string, body?: unknown): StepOutput {
  return { dry_run: true, would: { method, path, ...(body === undefined ? {} : { body }) } };
}

/** The output of an earlier step, for the ones that build on it. */
export function outputOf(ctx: SagaContext, step: string): StepOutput | undefined {
  return ctx.outputs[step];
}
