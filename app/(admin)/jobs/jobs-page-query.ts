import { z } from "zod";
import { textSchema } from "@/lib/http/input-schemas";
import { parseSearchParams } from "@/lib/http/search-params";

/** The jobs page's URL: `job` narrows the recent runs to one job. */
export const jobsPageQuery = z.object({ job: textSchema.trim().min(1).max(200).optional() });

export function parseJobsPageQuery(raw: Record<string, string | string[] | undefined>): { query: z.infer<typeof jobsPageQuery>; isValid: boolean } {
  return parseSearchParams(jobsPageQuery, raw);
}
