import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";
import { cliEnv } from "@/lib/platform/env";
import { drainOutbox, hasOutboxWork } from "./drain-outbox";
import { notificationSettings } from "./settings";

export const deliverNotificationsJobName = "deliver-notifications";

export const deliverNotificationsJob = defineJob({
  name: deliverNotificationsJobName,
  title: "Deliver notifications",
  description: "Sends new outbox events to the webhook endpoints subscribed to them, and retries failed deliveries that are due.",
  // Every minute under Inngest: a retry is at most a minute late. Without Inngest it runs after every job instead.
  cron: "* * * * *",
  args: z.object({}),
  hasWork: (db) => hasOutboxWork(db),
  async run(deps, _args, ctx) {
    // cliEnv: the signing key and WEBHOOK_ALLOW_PRIVATE are all this needs, and the CLI reads them too.
    const summary = await drainOutbox(deps.db, { ...notificationSettings(cliEnv()), log: ctx.log });
    return {
      summary: `${summary.dispatched} new events; ${summary.attempted} attempts: ${summary.succeeded} delivered, ${summary.failed} failed (${summary.gaveUp} out of retries); ${summary.disabled} endpoints disabled`,
      counts: { ...summary },
    };
  },
});
