import type { SubscriptionStatus } from "@/db/schema/billing";
import type { RevenueSubscription } from "./compute-month-revenue";
import { dayNumber } from "./month";

// A subscription's life in whole UTC days: which version it was on and whether it was billed, day by day.

/** Calendar days [from, to): the start day counts, the end day does not (so a move on the 15th splits 14 / rest). */
export interface Span {
  from: number;
  to: number;
}

export const FOREVER = Number.MAX_SAFE_INTEGER;
export const intersect = (a: Span, b: Span): Span => ({ from: Math.max(a.from, b.from), to: Math.min(a.to, b.to) });
export const lengthOf = (s: Span) => Math.max(0, s.to - s.from);

/** Statuses that are billed; a trial costs us but earns nothing. A canceled subscription is billed until it ended. */
export const billedStatuses: ReadonlySet<SubscriptionStatus> = new Set(["active", "canceled"]);

export function spanOf(startedAt: Date, endedAt: Date | null): Span {
  return { from: dayNumber(startedAt), to: endedAt ? dayNumber(endedAt) : FOREVER };
}

/** The subscription's versions over time: [span, versionId] in order, split where each migration took effect. */
export function versionSpans(sub: RevenueSubscription): { span: Span; versionId: string }[] {
  const whole = spanOf(sub.startedAt, sub.endedAt);
  // Most subscriptions were never migrated: one span, no sorting (a report walks thousands of them).
  if (!sub.migrations.length) return lengthOf(whole) > 0 ? [{ span: whole, versionId: sub.versionId }] : [];
  const moves = [...sub.migrations].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const out: { span: Span; versionId: string }[] = [];
  let from = whole.from;
  let versionId = moves[0]?.fromVersionId ?? sub.versionId;
  for (const move of moves) {
    const at = dayNumber(move.effectiveAt);
    out.push({ span: intersect(whole, { from, to: at }), versionId });
    from = Math.max(from, at);
    versionId = move.toVersionId;
  }
  out.push({ span: intersect(whole, { from, to: FOREVER }), versionId });
  return out.filter((s) => lengthOf(s.span) > 0);
}

/**
 * The days the subscription was billed, from its recorded status changes (a trial that became active is billed from
 * the day it did, not since it started). Before the first recorded change the first recorded status holds; without
 * any, the current status holds for the whole subscription.
 */
export function billedSpans(sub: RevenueSubscription): Span[] {
  const whole = spanOf(sub.startedAt, sub.endedAt);
  const changes = sub.statusChanges ?? [];
  if (!changes.length) return billedStatuses.has(sub.status) && lengthOf(whole) > 0 ? [whole] : [];
  const sorted = [...changes].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const out: Span[] = [];
  let status = sorted[0]!.status;
  let from = whole.from;
  for (const change of sorted) {
    const at = dayNumber(change.effectiveAt);
    if (billedStatuses.has(status)) out.push(intersect(whole, { from, to: at }));
    from = Math.max(from, at);
    status = change.status;
  }
  if (billedStatuses.has(status)) out.push(intersect(whole, { from, to: FOREVER }));
  return out.filter((s) => lengthOf(s) > 0);
}
