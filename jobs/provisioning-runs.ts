import "server-only";
import { after } from "next/server";
import { getDb } from "@/db";
import { describeErrorText } from "@/db/describe-error";
import type { ProvisioningAction } from "@/db/schema/provisioning-constants";
import { inngest } from "@/inngest/client";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/log";
import { provisioningDecidedEvent, provisioningDepsFromEnv, provisioningRequestedEvent } from "@/lib/provisioning/config";
import { resumeRequests, runRequestInProcess } from "@/lib/provisioning/run-in-process";
import { isInngestConfigured } from "./job-queue";

// Where a provisioning saga runs: its action's Inngest function when Inngest is configured, otherwise this process,
// after the response is sent, with its step state in PostgreSQL (so a restart resumes it: resumeProvisioning).

const running = new Set<Promise<unknown>>();

function inBackground(label: string, task: () => Promise<unknown>): void {
  const run = () => {
    const p = task()
      .catch((err: unknown) => logger().warn({ task: label, error: describeErrorText(err) }, "in-process provisioning failed"))
      .finally(() => running.delete(p));
    running.add(p);
    return p;
  };
  try {
    after(run);
  } catch {
    // Outside a request (start-up, scripts, tests) there is no response to wait for: run now, in the background.
    void run();
  }
}

function runInProcess(requestId: string): void {
  inBackground(`provisioning ${requestId}`, () => runRequestInProcess(provisioningDepsFromEnv(getDb(), env()), requestId));
}

/** Starts the saga of a request just accepted (a replay starts nothing: its saga is on its way). */
export async function startProvisioning(request: { id: string; action: ProvisioningAction }): Promise<void> {
  if (isInngestConfigured(env())) {
    await inngest.send({ name: provisioningRequestedEvent(request.action), data: { request_id: request.id } });
    return;
  }
  runInProcess(request.id);
}

/** Wakes the saga waiting for this decision: Inngest's waitForEvent, or an approved request's in-process run. */
export async function announceDecision(requestId: string, decision: "approved" | "rejected"): Promise<void> {
  if (isInngestConfigured(env())) {
    await inngest.send({ name: provisioningDecidedEvent, data: { request_id: requestId, decision } });
    return;
  }
  if (decision === "approved") runInProcess(requestId);
}

/** At start-up without Inngest: carries on with every request a previous process left unfinished. */
export function resumeProvisioning(): void {
  if (isInngestConfigured(env())) return;
  inBackground("resume provisioning", async () => {
    const outcomes = await resumeRequests(provisioningDepsFromEnv(getDb(), env()));
    if (Object.keys(outcomes).length) logger().info({ outcomes }, "resumed provisioning requests");
  });
}

/** Resolves once every in-process saga this process started has stopped (tests and a graceful shutdown wait on it). */
export async function settleProvisioningRuns(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}
