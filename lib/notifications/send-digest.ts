import "server-only";
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { notificationEndpoints, notificationOutbox } from "@/db/schema";
import { digestEmail, emailAddressOf, type EmailSettings, sendEmail } from "./email-channel";
import type { EventType } from "./event-catalog";

export interface DigestSummary {
  endpoints: number;
  sent: number;
  events: number;
  failed: number;
}

/**
 * Mails every enabled digest endpoint the events it subscribes to since its last digest (or its creation), in one
 * message. `digest_sent_through` moves only after a successful send, so a failed day is included in the next digest;
 * a day without events sends nothing.
 */
export async function sendNotificationDigests(db: Db, email: EmailSettings, now = new Date()): Promise<DigestSummary> {
  const endpoints = await db
    .select()
    .from(notificationEndpoints)
    .where(and(eq(notificationEndpoints.channel, "email"), eq(notificationEndpoints.digest, true), eq(notificationEndpoints.status, "enabled")));
  const summary: DigestSummary = { endpoints: endpoints.length, sent: 0, events: 0, failed: 0 };
  for (const endpoint of endpoints) {
    const since = endpoint.digestSentThrough ?? endpoint.createdAt;
    const rows = await db
      .select({ id: notificationOutbox.id, type: notificationOutbox.type, data: notificationOutbox.data, occurredAt: notificationOutbox.occurredAt })
      .from(notificationOutbox)
      .where(and(gt(notificationOutbox.createdAt, since), lte(notificationOutbox.createdAt, now), inArray(notificationOutbox.type, endpoint.events)))
      .orderBy(asc(notificationOutbox.occurredAt), asc(notificationOutbox.id));
    const events = rows.map((r) => ({ ...r, type: r.type as EventType, data: r.data as Record<string, unknown> }));
    if (events.length) {
      const outcome = await sendEmail(email, emailAddressOf(endpoint), digestEmail(events, email));
      if (!outcome.isSuccess) {
        summary.failed++;
        continue;
      }
      summary.sent++;
      summary.events += events.length;
    }
    await db.update(notificationEndpoints).set({ digestSentThrough: now }).where(eq(notificationEndpoints.id, endpoint.id));
  }
  return summary;
}
