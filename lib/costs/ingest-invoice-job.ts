import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";
import { describeIngest } from "./describe-ingest";
import { ingestInvoice } from "./ingest-invoice";

export const ingestInvoiceArgs = z.object({ uuid: z.string().trim().min(1).max(100) });

export const ingestInvoiceJob = defineJob({
  name: "ingest-invoice",
  title: "Ingest a DO invoice",
  description: "Fetches one invoice's CSV, replaces its cost lines and matches them to resources.",
  args: ingestInvoiceArgs,
  cliArgs: ([uuid]) => ({ uuid }),
  async run(deps, args) {
    const result = await ingestInvoice(deps.db, deps.doClient(), args.uuid);
    return {
      summary: describeIngest(result),
      counts: {
        lines: result.lineCount,
        resource_lines: result.resourceLineCount,
        matched_by_id: result.matchedByIdCount,
        matched_by_name: result.matchedByNameCount,
      },
    };
  },
});
