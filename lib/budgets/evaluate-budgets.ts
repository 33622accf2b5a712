import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { budgetCurrency } from "@/db/schema/budget-constants";
import { type Budget, budgetThresholdFirings, budgets } from "@/db/schema/budgets";
import { tenants } from "@/db/schema/billing";
import { currentPeriod, periodLabel, toPeriod } from "@/lib/billing/month";
import { isNewsworthyPeriod } from "@/lib/notifications/announce-window";
import { kindLabels } from "@/lib/inventory/kind-styles";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";
import { recordEvents } from "@/lib/notifications/record-event";
import { env } from "@/lib/platform/env";
import type { ResourceKind } from "@/db/schema/resource-constants";
import type { CogsData } from "@/lib/billing/load-cogs";
import { createSpendCache, loadSpendContext, type SpendCache, spendOf } from "./load-budget-spend";

/**
 * A projection from the month's first hours multiplies a few hours DO has billed (whole hours, some in advance) by
 * hundreds: it would announce every budget blown on the 1st. Projections alert from the end of the first day.
 */
const minProjectionMs = 86_400_000;

export interface EvaluateBudgetsOptions {
  /** The budget month, `YYYY-MM-01`. */
  period: string;
  now?: Date;
  tagPrefix?: string;
  /** Months already read by the same change, shared between its evaluations. */
  cache?: SpendCache;
}

export interface FiredThreshold {
  budgetId: string;
  thresholdPercent: number;
  basis: "actual" | "projected";
  eventId: string;
}

/**
 * Measures every budget against the month's COGS (see spendOf) and fires `budget.threshold` for each threshold
 * crossed, by month-to-date COGS or (after the month's first day) by its projection to the month's end, that has not
 * fired this month. The record
 * of the firing and its outbox event are written in `tx`, the transaction of the change that prompted the
 * evaluation, so both exist exactly when it commits. The budgets' rows are locked first: two evaluations at once
 * (a snapshot during an ingest) take turns, and the second sees what the first fired.
 */
export async function evaluateBudgets(tx: DbOrTx, opts: EvaluateBudgetsOptions): Promise<FiredThreshold[]> {
  const list = await tx.select().from(budgets).orderBy(asc(budgets.id)).for("update");
  if (!list.length) return [];
  const now = opts.now ?? new Date();
  const ctx = await loadSpendContext(tx, opts.period, { tagPrefix: opts.tagPrefix ?? env().TENANT_TAG_PREFIX, now, cache: opts.cache });
  const firedRows = await tx
    .select({ budgetId: budgetThresholdFirings.budgetId, thresholdPercent: budgetThresholdFirings.thresholdPercent })
    .from(budgetThresholdFirings)
    .where(eq(budgetThresholdFirings.period, opts.period));
  const hasFired = new Set(firedRows.map((r) => `${r.budgetId}|${r.thresholdPercent}`));
  const names = await scopeNames(tx, list);

  const pending: Omit<FiredThreshold, "eventId">[] = [];
  const events: NotificationEvent[] = [];
  const figures: { actual: number; projected: number; budget: number }[] = [];
  for (const b of list) {
    const spend = spendOf({ type: b.scopeType, id: b.scopeId }, ctx);
    if (spend.actualCents === null || spend.projectedCents === null) continue;
    const canProject = !spend.basis || spend.basis.elapsedMs >= minProjectionMs;
    for (const pct of b.thresholds) {
      if (hasFired.has(`${b.id}|${pct}`)) continue;
      // Integer comparison: spend ≥ pct % of the budget, without rounding the limit to a cent.
      const limit = b.amountCents * pct;
      const basis = spend.actualCents * 100 >= limit ? "actual" : canProject && spend.projectedCents * 100 >= limit ? "projected" : null;
      if (!basis) continue;
      pending.push({ budgetId: b.id, thresholdPercent: pct, basis });
      figures.push({ actual: spend.actualCents, projected: spend.projectedCents, budget: b.amountCents });
      events.push({
        type: "budget.threshold",
        data: {
          budget_id: b.id,
          name: b.name,
          scope: { type: b.scopeType, id: b.scopeId, name: names.get(b.id) ?? null },
          month: periodLabel(opts.period),
          currency: budgetCurrency,
          budget_cents: b.amountCents,
          threshold_percent: pct,
          basis,
          actual_cents: spend.actualCents,
          projected_cents: spend.projectedCents,
        },
      });
    }
  }
  if (!events.length) return [];
  const ids = await recordEvents(tx, events);
  await tx.insert(budgetThresholdFirings).values(
    pending.map((p, i) => ({
      budgetId: p.budgetId,
      period: opts.period,
      thresholdPercent: p.thresholdPercent,
      basis: p.basis,
      budgetCents: figures[i]!.budget,
      actualCents: figures[i]!.actual,
      projectedCents: figures[i]!.projected,
      eventId: ids[i]!,
    })),
  );
  return pending.map((p, i) => ({ ...p, eventId: ids[i]! }));
}

/** After a balance snapshot: the month it measures. */
export function evaluateBudgetsAfterSnapshot(tx: DbOrTx, generatedAt: Date): Promise<FiredThreshold[]> {
  return evaluateBudgets(tx, { period: toPeriod(generatedAt) });
}

/**
 * After an invoice's lines landed: its month, now final (when recent: isNewsworthyPeriod), and the current month,
 * whose scopes' shares it changes.
 * `invoiceCogs`: the month's COGS the ingest has read already (loadCogs of the month), so it is not read again.
 */
export async function evaluateBudgetsAfterIngest(tx: DbOrTx, invoicePeriod: string, now = new Date(), invoiceCogs?: CogsData): Promise<FiredThreshold[]> {
  const fired: FiredThreshold[] = [];
  const cache = createSpendCache(invoiceCogs ? [[invoicePeriod, invoiceCogs]] : []);
  // An old month's invoice (history being loaded) only changes the current month's shares: its own is not news.
  const periods = isNewsworthyPeriod(invoicePeriod, now) ? [invoicePeriod, currentPeriod(now)] : [currentPeriod(now)];
  for (const period of new Set(periods)) fired.push(...(await evaluateBudgets(tx, { period, now, cache })));
  return fired;
}

/** How each budget's scope reads in its event: the tenant's name, the kind's label, the project's name. */
async function scopeNames(tx: DbOrTx, list: Budget[]): Promise<Map<string, string | null>> {
  const tenantIds = [...new Set(list.filter((b) => b.scopeType === "tenant").map((b) => b.scopeId!))];
  const tenantRows = tenantIds.length ? await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, tenantIds)) : [];
  const tenantName = new Map(tenantRows.map((t) => [t.id, t.name]));
  return new Map(
    list.map((b) => {
      if (b.scopeType === "tenant") return [b.id, tenantName.get(b.scopeId!) ?? null];
      if (b.scopeType === "kind") return [b.id, kindLabels[b.scopeId as ResourceKind] ?? b.scopeId];
      return [b.id, b.scopeId];
    }),
  );
}
