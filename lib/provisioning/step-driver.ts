import { DoApiError, DoSchemaError } from "@/lib/digitalocean/errors";
import { ApiError } from "@/lib/http/errors";

/**
 * How a saga's steps are made durable: Inngest's `step.run` / `step.sleep` / `step.waitForEvent`, or the in-process
 * driver below. Either way each step's outcome is also stored in PostgreSQL (record-step.ts), which is what the request
 * shows and what an in-process rerun resumes from. `id`s are unique within one run of a saga.
 */
export interface StepDriver {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  /** Waits until an admin decides (or some time passes); the saga then reads the decision from the database. */
  waitForDecision(id: string, requestId: string): Promise<void>;
}

/** A failure retrying cannot fix (DO refused the request, an action errored): the saga compensates at once. */
export class PermanentStepError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentStepError";
  }
}

/** Thrown by the in-process driver while a request waits for approval: the run ends, and the decision restarts it. */
export class SagaSuspended extends Error {
  constructor() {
    super("waiting for an admin's decision");
    this.name = "SagaSuspended";
  }
}

/** Whether a step that threw is worth running again: network errors, timeouts, 429s and 5xx are; DO's 4xx are not. */
export function isPermanentFailure(e: unknown): boolean {
  if (e instanceof PermanentStepError || e instanceof DoSchemaError) return true;
  if (e instanceof ApiError) return e.status < 500;
  if (e instanceof DoApiError) return e.status >= 400 && e.status < 500 && e.status !== 429;
  return false;
}

export function describeFailure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Steps run in this process: retried with backoff when worth it; a wait for approval suspends the run. */
export function inProcessDriver(opts: { retries: number; retryBaseMs: number }): StepDriver {
  return {
    async run(_id, fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn();
        } catch (e) {
          if (e instanceof SagaSuspended || isPermanentFailure(e) || attempt > opts.retries) throw e;
          await sleep(opts.retryBaseMs * 2 ** (attempt - 1));
        }
      }
    },
    sleep: (_id, ms) => sleep(ms),
    waitForDecision: async () => {
      throw new SagaSuspended();
    },
  };
}
