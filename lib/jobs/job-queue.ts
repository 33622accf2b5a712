/**
 * The port to a job queue. Jobs and the domains ask for runs through it (a job that fans out sends one request per
 * item); inngest/ implements it, and the composition root (jobs/) decides whether a queue is configured at all.
 * Without one, callers run the job in-process instead.
 */
export interface JobRequest {
  /** The job's name, or one of its schedules' ids (a run with that schedule's args). */
  job: string;
  /** The job's arguments; the job's own schema parses them where it runs. */
  args: Record<string, unknown>;
  /** Who asked (an admin's name from "Run now"), recorded as the run's started_by. */
  requestedBy?: string;
}

/** The key a request's `requestedBy` travels under beside the args; taken out again before the args are parsed. */
export const requestedByKey = "_requested_by";

export type SendJobRequest = (request: JobRequest) => Promise<void>;

/** The event a request for one run of `job` travels as: its queue function is triggered by it. */
export const jobRequestedEvent = (job: string) => `arcadia/job.${job}.requested`;
