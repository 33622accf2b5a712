import { NonRetriableError } from "inngest";
import { z } from "zod";
import { getDb } from "@/db";
import type { ProvisioningAction } from "@/db/schema/provisioning-constants";
import { env } from "@/lib/platform/env";
import { provisioningDecidedEvent, provisioningDepsFromEnv, provisioningRequestedEvent } from "@/lib/provisioning/config";
import { runSaga } from "@/lib/provisioning/run-saga";
import { describeFailure, isPermanentFailure, type StepDriver } from "@/lib/provisioning/step-driver";
import { inngest } from "./client";

const requestedData = z.object({ request_id: z.string().uuid() });

type Step = {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
  sleep(id: string, ms: number): Promise<void>;
  waitForEvent(id: string, opts: { event: string; timeout: string; if: string }): Promise<unknown>;
};

/**
 * The saga's steps on Inngest: each a durable `step.run` (a permanent failure is not retried), `step.sleep` between
 * polls of DO's action, `step.waitForEvent` for an admin's decision (an hour at a time, then the saga reads the
 * decision again, so one made just before the wait began is not missed).
 */
export function inngestStepDriver(step: Step): StepDriver {
  return {
    run: async <T>(id: string, fn: () => Promise<T>) =>
      (await step.run(id, async () => {
        try {
          return await fn();
        } catch (e) {
          if (isPermanentFailure(e)) throw new NonRetriableError(describeFailure(e), { cause: e });
          throw e;
        }
      })) as T,
    sleep: (id, ms) => step.sleep(id, ms),
    waitForDecision: async (id, requestId) => {
      await step.waitForEvent(id, { event: provisioningDecidedEvent, timeout: "1h", if: `async.data.request_id == ${JSON.stringify(requestId)}` });
    },
  };
}

/**
 * One Inngest function per action, thin: the saga in lib/provisioning with Inngest's step tools. One run per request
 * at a time; the step state is in PostgreSQL as well, which is what the request's timeline shows.
 */
export function provisioningFunction(action: ProvisioningAction, name: string) {
  return inngest.createFunction(
    {
      id: `provision-${action.replaceAll("_", "-")}`,
      name,
      triggers: [{ event: provisioningRequestedEvent(action) }],
      retries: 3,
      concurrency: [{ key: "event.data.request_id", limit: 1 }],
    },
    async ({ event, step }) => {
      const { request_id: requestId } = requestedData.parse(event.data);
      return { requestId, outcome: await runSaga(provisioningDepsFromEnv(getDb(), env()), requestId, inngestStepDriver(step as unknown as Step)) };
    },
  );
}
