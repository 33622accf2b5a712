import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { budgetCurrency } from "@/db/schema/budget-constants";
import { type EstimateBasis, estimateBasis, projectToMonthEnd } from "@/lib/billing/estimate-basis";
import { type CogsData, loadCogs } from "@/lib/billing/load-cogs";
import { prorate } from "@/lib/money/round-div";
import type { BudgetScope } from "./budget-scope";

/** A month's COGS in what each scope can be measured by: the margin dashboard's figures, and invoice lines per project. */
export interface MonthCogs {
  period: string;
  cogs: CogsData;
  /** Invoiced USD cents per DO project name, taxes excluded as loadCogs excludes them. */
  projects: Map<string, number>;
}

export interface SpendContext {
  period: string;
  month: MonthCogs;
  /** The latest invoiced month before `period`: how a scope's share of an estimate month is told. */
  reference: MonthCogs | null;
  basis: EstimateBasis | null;
}

/**
 * Months already read, shared by the evaluations of one change: an ingest measures its month and the current one,
 * whose reference is usually the ingested month, and has read the month's COGS for the margin events already.
 */
export interface SpendCache {
  cogs: Map<string, CogsData>;
  months: Map<string, Promise<MonthCogs>>;
}

export function createSpendCache(known: Iterable<[string, CogsData]> = []): SpendCache {
  return { cogs: new Map(known), months: new Map() };
}

/** What a budget's scope spent in the month, as the margin dashboard measures the month. */
export interface BudgetSpend {
  /** `invoice`: final lines; `snapshot`: DO's month-to-date usage (a scope's share of it); `none`: nothing measured. */
  source: "invoice" | "snapshot" | "none";
  /** Month-to-date COGS (the whole month once invoiced); null when not measured or not attributable. */
  actualCents: number | null;
  /** Projected to the month's end from the snapshot's basis; the actual figure once invoiced. */
  projectedCents: number | null;
  /** For a scope of an estimate month: the share of the account's figure, taken from `period`'s invoice. */
  share: { period: string; percent: number } | null;
  basis: EstimateBasis | null;
}

/**
 * Everything the budgets of one month are measured against, in a few set-based queries: the month's COGS as
 * loadCogs gives it (invoice lines, or the latest balance snapshot as an estimate) and, for a month not invoiced yet,
 * the latest invoiced month before it, whose lines say what share of the account each scope was.
 */
export async function loadSpendContext(db: DbOrTx, period: string, opts: { tagPrefix: string; now: Date; cache?: SpendCache }): Promise<SpendContext> {
  const month = await loadMonthCogs(db, period, opts.tagPrefix, opts.cache);
  const isInvoiced = month.cogs.invoiced.has(period);
  let reference: MonthCogs | null = null;
  if (!isInvoiced) {
    const [latest] = rowsOf<{ period: string | null }>(
      await db.execute(sql`select max(period)::text as period from cloud_cost_lines where period < ${period} and line_type <> 'tax'`),
    );
    if (latest?.period) reference = await loadMonthCogs(db, latest.period, opts.tagPrefix, opts.cache);
  }
  const basis = estimateBasis(period, { isInvoiced, snapshot: month.cogs.snapshots.get(period), now: opts.now });
  return { period, month, reference, basis };
}

function loadMonthCogs(db: DbOrTx, period: string, tagPrefix: string, cache?: SpendCache): Promise<MonthCogs> {
  const hit = cache?.months.get(period);
  if (hit) return hit;
  const loading = readMonthCogs(db, period, tagPrefix, cache?.cogs.get(period));
  cache?.months.set(period, loading);
  return loading;
}

async function readMonthCogs(db: DbOrTx, period: string, tagPrefix: string, known: CogsData | undefined): Promise<MonthCogs> {
  const [cogs, projectRows] = await Promise.all([
    known ?? loadCogs(db, period, period, tagPrefix),
    db.execute(sql`
      select l.project_name, sum(l.amount_cents)::bigint as cents
      from cloud_cost_lines l join cloud_invoices i on i.id = l.invoice_id
      where l.period = ${period} and l.line_type <> 'tax' and l.project_name is not null and i.currency = ${budgetCurrency}
      group by 1`),
  ]);
  const projects = new Map(rowsOf<{ project_name: string; cents: string | number }>(projectRows).map((r) => [r.project_name, Number(r.cents)]));
  return { period, cogs, projects };
}

/** A scope's invoiced (or, for the account of an estimate month, estimated) USD cents in the month. */
function scopeCents(scope: BudgetScope, m: MonthCogs): number {
  if (scope.type === "project") return m.projects.get(scope.id ?? "") ?? 0;
  let cents = 0;
  for (const atom of m.cogs.atoms) {
    if (atom.period !== m.period || atom.currency !== budgetCurrency) continue;
    if (scope.type === "tenant" && atom.tenantId !== scope.id) continue;
    if (scope.type === "kind" && atom.kind !== scope.id) continue;
    cents += atom.cents;
  }
  return cents;
}

/**
 * A budget's spend in the context's month. Invoiced: the scope's lines, final. Otherwise the account's figure is DO's
 * month-to-date usage of the latest snapshot and its projection the margin dashboard's (projectToMonthEnd); a
 * project, tenant or kind, which DO's figure cannot tell apart, gets the share of it the scope had of the latest
 * invoice (none without one). A month with no snapshot measures nothing.
 */
export function spendOf(scope: BudgetScope, ctx: SpendContext): BudgetSpend {
  const { month, basis } = ctx;
  if (month.cogs.invoiced.has(ctx.period)) {
    const cents = scopeCents(scope, month);
    return { source: "invoice", actualCents: cents, projectedCents: cents, share: null, basis: null };
  }
  const snapshot = month.cogs.snapshots.get(ctx.period);
  const none: BudgetSpend = { source: "none", actualCents: null, projectedCents: null, share: null, basis };
  if (!snapshot || snapshot.currency !== budgetCurrency || !basis) return none;
  let actual = snapshot.cents;
  let share: BudgetSpend["share"] = null;
  if (scope.type !== "account") {
    const ref = ctx.reference;
    const total = ref ? scopeCents({ type: "account", id: null }, ref) : 0;
    if (!ref || total <= 0) return { ...none, source: "snapshot" };
    const part = scopeCents(scope, ref);
    actual = prorate(snapshot.cents, part, total);
    share = { period: ref.period, percent: (part / total) * 100 };
  }
  return { source: "snapshot", actualCents: actual, projectedCents: projectToMonthEnd(actual, basis) ?? actual, share, basis };
}
