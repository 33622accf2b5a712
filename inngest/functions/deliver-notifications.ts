import { deliverNotificationsJob } from "@/lib/notifications/deliver-notifications-job";
import { jobFunction } from "../job-function";

/**
 * Drains the notification outbox on the job's cron (every minute): new events go out and due retries are made. One
 * drain at a time; the retry schedule lives in the database, so a retried function run cannot double an attempt.
 */
export const deliverNotifications = jobFunction(deliverNotificationsJob);
