import { sendJobRequest } from "@/inngest/send-job-request";
import type { BaseEnv } from "@/lib/platform/env";
import type { SendJobRequest } from "@/lib/jobs/job-queue";

type QueueEnv = Pick<BaseEnv, "INNGEST_EVENT_KEY" | "INNGEST_DEV">;

export function isInngestConfigured(e: QueueEnv): boolean {
  return Boolean(e.INNGEST_EVENT_KEY || e.INNGEST_DEV);
}

/** This process's job queue: Inngest when it is configured; none otherwise (runs happen in-process). */
export function jobQueueFor(e: QueueEnv): SendJobRequest | undefined {
  return isInngestConfigured(e) ? sendJobRequest : undefined;
}
