import { jobRequestedEvent, requestedByKey, type SendJobRequest } from "@/lib/jobs/job-queue";
import { inngest } from "./client";

/** The job queue port (lib/jobs/job-queue.ts) on Inngest: one event per requested run. */
export const sendJobRequest: SendJobRequest = async ({ job, args, requestedBy }) => {
  await inngest.send({ name: jobRequestedEvent(job), data: requestedBy ? { ...args, [requestedByKey]: requestedBy } : args });
};
