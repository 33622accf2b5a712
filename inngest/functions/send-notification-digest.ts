import { sendNotificationDigestJob } from "@/lib/notifications/send-notification-digest-job";
import { jobFunction } from "../job-function";

/** Mails the daily digests on the job's cron (07:00 UTC). */
export const sendNotificationDigest = jobFunction(sendNotificationDigestJob);
