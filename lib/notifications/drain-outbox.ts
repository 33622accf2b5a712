import "server-only";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db";
import { notificationDeliveries, notificationEndpoints, notificationOutbox } from "@/db/schema";
import { type Logger, logger } from "@/lib/platform/log";
import { claimDueDeliveries, recordAttempts, sendClaimed } from "./deliver-due";
import { dispatchEvents } from "./dispatch-events";
import { disableAfterFailingSeconds } from "./retry-schedule";
import type { SecretKey } from "./secret-box";
import type { EmailSettings } from "./email-channel";
import type { Lookup } from "./ssrf-guard";

export interface DrainOptions {
  /** The signing key, asked for only when something is due (a drain with nothing to send needs no configuration). */
  secretKey: () => SecretKey;
  allowPrivate: boolean;
  /** The clock: tests move it through the retry schedule. */
  now?: () => Date;
  /** Deliveries claimed per round (default 200) and sent at once (default 16). */
  batchSize?: number;
  concurrency?: number;
  /** Stop starting rounds after this long (default 5 min); what is left is due at the next drain. */
  maxDurationMs?: number;
  timeoutMs?: number;
  lookup?: Lookup;
  email?: EmailSettings;
  disableAfterSeconds?: number;
  log?: Logger;
}

export interface DrainSummary {
  dispatched: number;
  attempted: number;
  succeeded: number;
  failed: number;
  gaveUp: number;
  disabled: number;
}

/**
 * Drains the outbox: fans new events out to their endpoints, then sends every delivery that is due, round after
 * round, recording each attempt and applying the retry schedule. Deliveries that fail are due again later, so a
 * drain ends when nothing is due now. The same function runs from the Inngest function, `npm run job --
 * deliver-notifications`, "Run now" and after every job run without Inngest.
 */
export async function drainOutbox(db: Db, opts: DrainOptions): Promise<DrainSummary> {
  const now = opts.now ?? (() => new Date());
  const batchSize = opts.batchSize ?? 200;
  const started = performance.now();
  const log = opts.log ?? logger();
  const summary: DrainSummary = { dispatched: await dispatchEvents(db, now()), attempted: 0, succeeded: 0, failed: 0, gaveUp: 0, disabled: 0 };
  if (!(await hasDueDeliveries(db, now()))) return summary;
  const key = opts.secretKey();
  const ctx = { secretKey: key, allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs, lookup: opts.lookup, email: opts.email };
  while (performance.now() - started < (opts.maxDurationMs ?? 300_000)) {
    const claimed = await claimDueDeliveries(db, now(), batchSize);
    if (!claimed.length) break;
    const records = await sendClaimed(claimed, ctx, now, opts.concurrency ?? 16);
    const recorded = await recordAttempts(db, records, opts.disableAfterSeconds ?? disableAfterFailingSeconds);
    summary.attempted += records.length;
    summary.succeeded += recorded.succeeded;
    summary.failed += recorded.failed;
    summary.gaveUp += recorded.gaveUp;
    summary.disabled += recorded.disabled.length;
    for (const d of recorded.disabled) log.warn({ endpointId: d.id, reason: d.reason }, "notification endpoint disabled");
    if (claimed.length < batchSize) break;
  }
  return summary;
}

/** Whether a drain now would do anything: an event not yet dispatched, or a delivery due. */
export async function hasOutboxWork(db: Db, at = new Date()): Promise<boolean> {
  const undispatched = await db.select({ id: notificationOutbox.id }).from(notificationOutbox).where(isNull(notificationOutbox.dispatchedAt)).limit(1);
  return undispatched.length > 0 || hasDueDeliveries(db, at);
}

/** Whether any enabled endpoint's delivery is due: a drain with nothing to send never asks for the key. */
async function hasDueDeliveries(db: Db, at: Date): Promise<boolean> {
  const rows = await db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .innerJoin(notificationEndpoints, and(eq(notificationEndpoints.id, notificationDeliveries.endpointId), eq(notificationEndpoints.status, "enabled")))
    .where(
      and(
        eq(notificationDeliveries.status, "pending"),
        lte(notificationDeliveries.nextAttemptAt, at),
        or(isNull(notificationDeliveries.lockedUntil), lte(notificationDeliveries.lockedUntil, at)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
