import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { BudgetBasis, BudgetScopeType } from "./budget-constants";

export * from "./budget-constants";

/**
 * A monthly COGS budget in USD for a scope (lib/budgets), with the percents of it at which `budget.threshold` fires.
 * `scope_id` is the project's name, the tenant's id or the resource kind; null exactly for the whole account.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    scopeType: text("scope_type").$type<BudgetScopeType>().notNull(),
    scopeId: text("scope_id"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** Ascending, distinct percents of `amount_cents`. */
    thresholds: integer("thresholds").array().notNull().default(sql`'{50,80,100}'::integer[]`),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("budgets_name_idx").on(t.name, t.id),
    check("budgets_scope_type", sql`${t.scopeType} in ('account', 'project', 'tenant', 'kind')`),
    check("budgets_scope_id", sql`(${t.scopeType} = 'account') = (${t.scopeId} is null)`),
    check("budgets_amount_positive", sql`${t.amountCents} > 0`),
    check("budgets_currency_usd", sql`${t.currency} = 'USD'`),
    check("budgets_thresholds_present", sql`cardinality(${t.thresholds}) between 1 and 10`),
  ],
);

export type Budget = typeof budgets.$inferSelect;

/**
 * Which (budget, month, threshold) has fired: the primary key is what makes each threshold fire once a month, and
 * the row is written in the transaction that writes its `budget.threshold` event to the outbox.
 */
export const budgetThresholdFirings = pgTable(
  "budget_threshold_firings",
  {
    budgetId: uuid("budget_id")
      .notNull()
      .references(() => budgets.id, { onDelete: "cascade" }),
    /** The budget month, its first day. */
    period: date("period", { mode: "string" }).notNull(),
    thresholdPercent: integer("threshold_percent").notNull(),
    basis: text("basis").$type<BudgetBasis>().notNull(),
    budgetCents: bigint("budget_cents", { mode: "number" }).notNull(),
    actualCents: bigint("actual_cents", { mode: "number" }).notNull(),
    projectedCents: bigint("projected_cents", { mode: "number" }).notNull(),
    /** The outbox event announcing it. */
    eventId: uuid("event_id").notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.budgetId, t.period, t.thresholdPercent] }),
    check("budget_threshold_firings_basis", sql`${t.basis} in ('actual', 'projected')`),
    check("budget_threshold_firings_period_first_day", sql`extract(day from ${t.period}) = 1`),
  ],
);

export type BudgetThresholdFiring = typeof budgetThresholdFirings.$inferSelect;
