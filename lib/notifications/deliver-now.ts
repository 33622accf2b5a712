import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { notificationDeliveries, notificationEndpoints, notificationOutbox } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { AttemptOutcome } from "./channels";
import { claimDueDeliveries, recordAttempts, sendClaimed } from "./deliver-due";
import type { DrainOptions } from "./drain-outbox";
import { recordEvent } from "./record-event";
import { resendDelivery } from "./list-deliveries";
import { disableAfterFailingSeconds } from "./retry-schedule";

export type DeliverNowOptions = Pick<DrainOptions, "secretKey" | "allowPrivate" | "now" | "timeoutMs" | "lookup" | "email" | "disableAfterSeconds">;

export interface DeliverNowResult {
  deliveryId: string;
  /** The attempt made now; null when a drain had already claimed the delivery (it sends it instead). */
  outcome: AttemptOutcome | null;
}

/**
 * Sends one due delivery at once through the drain's own claim, channel, log and retry schedule: what the console's
 * "Send test" and "Resend" wait for, so the admin sees the receiver's answer.
 */
export async function deliverNow(db: Db, deliveryId: string, opts: DeliverNowOptions): Promise<DeliverNowResult> {
  const now = opts.now ?? (() => new Date());
  const claimed = await claimDueDeliveries(db, now(), 1, deliveryId);
  if (!claimed.length) return { deliveryId, outcome: null };
  const ctx = { secretKey: opts.secretKey(), allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs, lookup: opts.lookup, email: opts.email };
  const records = await sendClaimed(claimed, ctx, now, 1);
  await recordAttempts(db, records, opts.disableAfterSeconds ?? disableAfterFailingSeconds);
  return { deliveryId, outcome: records[0]!.outcome };
}

/**
 * "Send test": a `notification.test` event for one enabled endpoint of any channel, whatever it subscribes to, sent
 * at once. The event is written already dispatched, with its one delivery, in one transaction, so the drain never
 * fans it out to other endpoints; a failed attempt is retried on the schedule like any other.
 */
export async function sendTestNotification(db: Db, endpointId: string, actor: string, opts: DeliverNowOptions): Promise<DeliverNowResult> {
  const [endpoint] = await db.select({ id: notificationEndpoints.id, status: notificationEndpoints.status }).from(notificationEndpoints).where(eq(notificationEndpoints.id, endpointId));
  if (!endpoint) throw new ApiError("not_found", `No notification endpoint ${endpointId}`);
  if (endpoint.status !== "enabled") throw new ApiError("conflict", "The endpoint is disabled: enable it before sending a test");
  const at = (opts.now ?? (() => new Date()))();
  const deliveryId = await db.transaction(async (tx) => {
    const eventId = await recordEvent(tx, {
      type: "notification.test",
      data: { endpoint_id: endpointId, requested_by: actor, message: "A test notification from arcadia-cloud: this endpoint receives events." },
      occurredAt: at,
    });
    await tx.update(notificationOutbox).set({ dispatchedAt: at }).where(eq(notificationOutbox.id, eventId));
    const [delivery] = await tx.insert(notificationDeliveries).values({ eventId, endpointId, nextAttemptAt: at }).returning({ id: notificationDeliveries.id });
    return delivery!.id;
  });
  return deliverNow(db, deliveryId, opts);
}

/** "Resend" from the delivery log: queued again with a fresh schedule (resendDelivery), then sent at once. */
export async function resendDeliveryNow(db: Db, deliveryId: string, opts: DeliverNowOptions): Promise<DeliverNowResult> {
  await resendDelivery(db, deliveryId, (opts.now ?? (() => new Date()))());
  return deliverNow(db, deliveryId, opts);
}

/** The outcome in words, for the button that asked. */
export function describeDeliverNow(r: DeliverNowResult): { isSuccess: boolean; message: string } {
  const o = r.outcome;
  if (!o) return { isSuccess: true, message: "Queued: a delivery run already has it and sends it now." };
  if (o.isSuccess) return { isSuccess: true, message: `Delivered: answered ${o.statusCode ?? "OK"} in ${o.latencyMs} ms.` };
  const why = o.error ?? (o.statusCode ? `answered ${o.statusCode}` : "no answer");
  return { isSuccess: false, message: `Not delivered: ${why.replace(/\.$/, "")}. It is retried on the schedule; see the delivery log.` };
}

