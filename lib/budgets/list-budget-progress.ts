import "server-only";
import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { tenants } from "@/db/schema/billing";
import { resourceKinds, type ResourceKind } from "@/db/schema/resource-constants";
import { describeBasis } from "@/lib/billing/estimate-basis";
import { currentPeriod } from "@/lib/billing/month";
import { kindLabels } from "@/lib/inventory/kind-styles";
import { env } from "@/lib/platform/env";
import { formatMonth } from "@/lib/time/format-month";
import { type BudgetScope, scopeValue } from "./budget-scope";
import { type BudgetSpend, loadSpendContext, spendOf } from "./load-budget-spend";
import { listBudgets, listFiredThresholds } from "./manage-budgets";

/** One budget as the budgets page and the costs overview show it: plain data, amounts in `currency` cents. */
export interface BudgetProgress {
  id: string;
  name: string;
  /** The form's value for its scope, and how it reads. */
  scope: string;
  scopeType: BudgetScope["type"];
  scopeId: string | null;
  scopeLabel: string;
  amountCents: number;
  currency: string;
  thresholds: number[];
  actualCents: number | null;
  projectedCents: number | null;
  /** What the figures are and as of when; or why there are none. */
  note: string;
  /** Thresholds already fired this month. */
  fired: number[];
}

export interface BudgetsProgress {
  period: string;
  budgets: BudgetProgress[];
}

/** Every budget against the month's COGS, measured exactly as the evaluation measures it (spendOf). */
export async function listBudgetProgress(db: DbOrTx, opts: { now?: Date; tagPrefix?: string } = {}): Promise<BudgetsProgress> {
  const now = opts.now ?? new Date();
  const period = currentPeriod(now);
  const list = await listBudgets(db);
  if (!list.length) return { period, budgets: [] };
  const [ctx, fired, labels] = await Promise.all([
    loadSpendContext(db, period, { tagPrefix: opts.tagPrefix ?? env().TENANT_TAG_PREFIX, now }),
    listFiredThresholds(db, period),
    loadScopeLabels(db),
  ]);
  return {
    period,
    budgets: list.map((b) => {
      const scope: BudgetScope = { type: b.scopeType, id: b.scopeId };
      const spend = spendOf(scope, ctx);
      return {
        id: b.id,
        name: b.name,
        scope: scopeValue(scope),
        scopeType: scope.type,
        scopeId: scope.id,
        scopeLabel: labels(scope),
        amountCents: b.amountCents,
        currency: b.currency,
        thresholds: b.thresholds,
        actualCents: spend.actualCents,
        projectedCents: spend.projectedCents,
        note: describeSpend(spend, period),
        fired: fired.get(b.id) ?? [],
      };
    }),
  };
}

function describeSpend(spend: BudgetSpend, period: string): string {
  if (spend.source === "invoice") return `Final: ${formatMonth(period)}'s invoice.`;
  if (spend.source === "none") return "No balance snapshot this month yet: nothing measured.";
  if (spend.actualCents === null) return "No invoice yet says what share of DO's month-to-date figure this scope is.";
  const basis = spend.basis ? `${describeBasis(spend.basis).replace(/^estimate/, "Estimate")}.` : "";
  return spend.share ? `${basis} Its share: ${spend.share.percent.toFixed(1)} % of the account, as on ${formatMonth(spend.share.period)}'s invoice.` : basis;
}

export interface ScopeOption {
  value: string;
  label: string;
}

/** What a budget can cover, grouped as the form's select shows it: the account, DO projects seen on invoices, tenants, kinds. */
export async function listScopeOptions(db: DbOrTx): Promise<{ group: string; options: ScopeOption[] }[]> {
  const [projectRows, tenantRows] = await Promise.all([
    db.execute(sql`select distinct project_name from cloud_cost_lines where project_name is not null order by 1 limit 500`),
    db.select({ id: tenants.id, name: tenants.name }).from(tenants).orderBy(asc(tenants.name)).limit(500),
  ]);
  const projects = rowsOf<{ project_name: string }>(projectRows).map((r) => r.project_name);
  return [
    { group: "Account", options: [{ value: "account", label: "Whole account" }] },
    { group: "DO projects", options: projects.map((p) => ({ value: `project:${p}`, label: p })) },
    { group: "Tenants", options: tenantRows.map((t) => ({ value: `tenant:${t.id}`, label: `${t.name} (${t.id})` })) },
    { group: "Product kinds", options: resourceKinds.map((k) => ({ value: `kind:${k}`, label: kindLabels[k] })) },
  ].filter((g) => g.options.length);
}

async function loadScopeLabels(db: DbOrTx): Promise<(scope: BudgetScope) => string> {
  const rows = await db.select({ id: tenants.id, name: tenants.name }).from(tenants);
  const names = new Map(rows.map((t) => [t.id, t.name]));
  return (scope) => {
    if (scope.type === "account") return "Whole account";
    if (scope.type === "project") return `Project ${scope.id}`;
    if (scope.type === "tenant") return `Tenant ${names.get(scope.id!) ?? scope.id}`;
    return kindLabels[scope.id as ResourceKind] ?? scope.id!;
  };
}

