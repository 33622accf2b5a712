"use server";

import { z } from "zod";
import { adminAction } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";
import { requestJobRun } from "@/jobs/request-job-run";

const jobArgs = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as Record<string, unknown>;
    } catch {
      ctx.addIssue({ code: "custom", message: "not JSON" });
      return z.NEVER;
    }
  });

const runJobForm = z.object({
  job: formLevel(z.string().min(1).max(64), "Unknown job."),
  args: formLevel(jobArgs, "Job arguments are not valid JSON.").optional(),
});

/** "Run now": the job's own schema checks the arguments (see requestJobRun). */
export const runJobNow = adminAction(
  runJobForm,
  async ({ job, args }, { user, actor }) => {
    const outcome = await requestJobRun(job, args ?? {}, user.name ?? actor);
    return { message: outcome.message, revalidate: ["/jobs"] };
  },
  { failure: "Could not start the job." },
);
