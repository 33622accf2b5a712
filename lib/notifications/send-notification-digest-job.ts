import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/job-definition";
import { cliEnv } from "@/lib/platform/env";
import { sendNotificationDigests } from "./send-digest";
import { notificationSettings } from "./settings";

export const sendNotificationDigestJob = defineJob({
  name: "send-notification-digest",
  title: "Send notification digests",
  description: "Mails each admin who chose a daily digest the day's events they subscribe to, in one message.",
  // Daily at 07:00 UTC: the morning's mail has the previous day.
  cron: "0 7 * * *",
  args: z.object({}),
  async run(deps) {
    const summary = await sendNotificationDigests(deps.db, notificationSettings(cliEnv()).email!);
    return {
      summary: `${summary.sent} digests with ${summary.events} events sent to ${summary.endpoints} subscribers; ${summary.failed} failed`,
      counts: { ...summary },
    };
  },
});
