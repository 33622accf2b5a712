import type { JobRun } from "@/db/schema";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";

/** A job run recorded as abandoned: its process died. */
export function jobAbandonedEvent(run: Pick<JobRun, "id" | "job" | "startedAt" | "heartbeatAt" | "error">): NotificationEvent {
  return {
    type: "job.abandoned",
    data: {
      job_run_id: run.id,
      job: run.job,
      started_at: run.startedAt.toISOString(),
      heartbeat_at: run.heartbeatAt.toISOString(),
      error: run.error ?? "abandoned",
    },
  };
}
