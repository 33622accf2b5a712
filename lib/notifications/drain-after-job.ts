import "server-only";
import type { Db } from "@/db";
import { describeErrorText } from "@/db/describe-error";
import { cliEnv } from "@/lib/platform/env";
import { logger } from "@/lib/platform/log";
import { deliverNotificationsJobName } from "./deliver-notifications-job";
import { drainOutbox } from "./drain-outbox";
import { notificationSettings } from "./settings";

/**
 * Without a queue nothing schedules deliver-notifications, so every job run in-process drains the outbox when it
 * ends: what the job recorded is sent at once. Bounded (30 s) and never failing the job: whatever is left, and every
 * retry, goes out with the next run.
 */
export async function drainAfterJob(db: Db, job: string): Promise<void> {
  if (job === deliverNotificationsJobName) return;
  try {
    await drainOutbox(db, { ...notificationSettings(cliEnv()), maxDurationMs: 30_000 });
  } catch (err) {
    logger().warn({ job, error: describeErrorText(err) }, "could not deliver notifications after the job");
  }
}
