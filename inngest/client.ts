import { Inngest } from "inngest";

/** The one Inngest client. Function ids are prefixed with its id: arcadia-cloud-<function>. */
export const inngest = new Inngest({ id: "arcadia-cloud" });

/** Event asking for one run of a job ("Run now" when Inngest is configured). */
export const jobRequestedEvent = (job: string) => `arcadia/job.${job}.requested`;
