import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";
import { formatMoney } from "@/lib/money/format-money";
import { snapshotBalance } from "./snapshot-balance";

export const snapshotBalanceJob = defineJob({
  name: "snapshot-balance",
  title: "Snapshot DO balance",
  description: "Records DigitalOcean's month-to-date balance and usage, hourly, for the costs trend.",
  cron: "7 * * * *",
  args: z.object({}),
  async run(deps) {
    const snapshot = await snapshotBalance(deps.db, deps.doClient());
    return {
      summary: `month-to-date usage ${formatMoney(snapshot.monthToDateUsageCents, snapshot.currency)}, balance ${formatMoney(snapshot.monthToDateBalanceCents, snapshot.currency)}`,
      counts: { snapshots: 1 },
    };
  },
});
