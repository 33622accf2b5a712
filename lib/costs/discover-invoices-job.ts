import "server-only";
import { z } from "zod";
import { describeErrorText } from "@/db/describe-error";
import { defineJob } from "@/lib/jobs/job-definition";
import { discoverInvoices } from "./discover-invoices";
import { ingestInvoice } from "./ingest-invoice";
import { ingestInvoiceJob } from "./ingest-invoice-job";

export const discoverInvoicesJob = defineJob({
  name: "discover-invoices",
  title: "Discover DO invoices",
  description:
    "Walks the whole billing history, records every invoice, then ingests those not yet ingested (or failed).",
  cron: "23 2 * * *",
  args: z.object({}),
  async run(deps, _args, ctx) {
    const client = deps.doClient();
    const found = await discoverInvoices(deps.db, client, (pages) =>
      ctx.reportProgress({ done: pages, message: `read ${pages} pages of billing history` }),
    );
    const discovered = `${found.invoices} invoices (${found.created} new, ${found.skippedEntries} other entries skipped)`;
    const counts = { invoices: found.invoices, new: found.created, pending: found.pending.length };

    // With a job queue, each invoice is its own run (own retries, one at a time per invoice); without one, the
    // contract is that this job ingests them itself.
    if (deps.sendJobRequest) {
      for (const uuid of found.pending) await deps.sendJobRequest({ job: ingestInvoiceJob.name, args: { uuid } });
      return { summary: `${discovered}; sent ${found.pending.length} to ingest`, counts };
    }

    let ingested = 0;
    const failures: string[] = [];
    for (const [i, uuid] of found.pending.entries()) {
      await ctx.reportProgress({ done: i, total: found.pending.length, message: `ingesting invoice ${uuid}` });
      try {
        await ingestInvoice(deps.db, client, uuid);
        ingested++;
      } catch (error) {
        // One bad invoice must not hold back the others; it is marked failed with its reason.
        const reason = describeErrorText(error);
        failures.push(uuid);
        ctx.log.warn({ invoice: uuid, error: reason }, "invoice ingest failed");
      }
    }
    await ctx.reportProgress({ done: found.pending.length, total: found.pending.length });
    const failed = failures.length ? `, ${failures.length} failed (${failures.slice(0, 3).join(", ")}${failures.length > 3 ? ", …" : ""})` : "";
    return {
      summary: `${discovered}; ingested ${ingested}${failed}`,
      counts: { ...counts, ingested, failed: failures.length },
    };
  },
});
