import { z } from "zod";
import { jobStatuses } from "@/db/schema/jobs";
import { textSchema } from "@/lib/http/input-schemas";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";

/** The jobs page's URL: `job` narrows the recent runs to one job, `status` to one outcome. */
export const jobsPageQuery = z.object({
  job: textSchema.trim().min(1).max(200).optional(),
  status: z.enum(jobStatuses).optional(),
});

export type JobsPageQuery = z.infer<typeof jobsPageQuery>;

export function parseJobsPageQuery(raw: Record<string, string | string[] | undefined>): { query: JobsPageQuery; isValid: boolean } {
  return parseSearchParams(jobsPageQuery, raw);
}

export function jobsUrl(query: JobsPageQuery): UrlState {
  return { path: "/jobs", params: { job: query.job, status: query.status } };
}
