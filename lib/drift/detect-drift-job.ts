import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";
import { detectAll } from "./detect-all";

export const detectDriftJob = defineJob({
  name: "detect-drift",
  title: "Drift detection",
  description: "Compares every provisioned spec with the live inventory and updates the drift inbox.",
  // After the :15 full inventory sync, so the sweep compares against fresh inventory.
  cron: "20 * * * *",
  args: z.object({}),
  run: async (deps, _args, ctx) => {
    const s = await detectAll(deps.db, {
      onProgress: (done, total) => ctx.reportProgress({ done, total, message: `${done.toLocaleString("en")} of ${total.toLocaleString("en")} specs checked` }),
    });
    return {
      summary: `checked ${s.resources.toLocaleString("en")} resources (${s.fields.toLocaleString("en")} fields): ${s.opened} new drift, ${s.updated} changed, ${s.closed} closed as stale, ${s.open} open`,
      counts: { resources: s.resources, fields: s.fields, opened: s.opened, updated: s.updated, closed: s.closed, open: s.open },
    };
  },
});
