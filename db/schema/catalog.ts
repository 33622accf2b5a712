import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { BillingInterval, CatalogResourceKind, PlanVersionStatus } from "./catalog-kinds";

export * from "./catalog-kinds";

/** A plan's identity: the stable thing tenants recognise. Prices live in its versions. */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plans_code_key").on(t.code), check("plans_code_format", sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{0,39}$'`)],
);

export type Plan = typeof plans.$inferSelect;

/**
 * Versioned pricing of a plan. Subscriptions bind to a version, so a published (active or retired) version never
 * changes: raising a price means publishing a new version. Triggers in the catalog_guards migration refuse such edits
 * at the database too; the partial unique indexes keep at most one active and one draft version per plan.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    version: integer("version").notNull(),
    basePriceCents: bigint("base_price_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    billingInterval: text("billing_interval").$type<BillingInterval>().notNull().default("month"),
    status: text("status").$type<PlanVersionStatus>().notNull().default("draft"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text("published_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    /** DO droplet size slugs tenants on this version may provision; empty means any size. */
    allowedSizes: text("allowed_sizes").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("plan_versions_plan_version_key").on(t.planId, t.version),
    uniqueIndex("plan_versions_one_active_per_plan").on(t.planId).where(sql`status = 'active'`),
    // One pending change per plan: two drafts would let a publish silently undo the other's edits.
    uniqueIndex("plan_versions_one_draft_per_plan").on(t.planId).where(sql`status = 'draft'`),
    check("plan_versions_status", sql`${t.status} in ('draft', 'active', 'retired')`),
    check("plan_versions_interval", sql`${t.billingInterval} in ('month')`),
    check("plan_versions_price", sql`${t.basePriceCents} >= 0`),
    check("plan_versions_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("plan_versions_version", sql`${t.version} >= 1`),
    check("plan_versions_published", sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
    check("plan_versions_retired", sql`(${t.status} = 'retired') = (${t.retiredAt} is not null)`),
  ],
);

export type PlanVersion = typeof planVersions.$inferSelect;

/** What a version includes of one resource kind, and what happens beyond the allowance. */
export const planItems = pgTable(
  "plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    resourceKind: text("resource_kind").$type<CatalogResourceKind>().notNull(),
    includedQty: bigint("included_qty", { mode: "number" }).notNull(),
    overageUnit: text("overage_unit").notNull(),
    overagePriceCents: bigint("overage_price_cents", { mode: "number" }).notNull(),
    /** Usage stops here; null means no cap. */
    hardCapQty: bigint("hard_cap_qty", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("plan_items_version_kind_key").on(t.versionId, t.resourceKind),
    check("plan_items_included", sql`${t.includedQty} >= 0`),
    check("plan_items_overage_price", sql`${t.overagePriceCents} >= 0`),
    check("plan_items_cap", sql`${t.hardCapQty} is null or ${t.hardCapQty} >= ${t.includedQty}`),
  ],
);

export type PlanItem = typeof planItems.$inferSelect;

/**
 * À-la-carte upgrades. Quantity and price are fixed once created (a subscription may have bought one); changing a
 * price means deactivating the add-on and creating another.
 */
export const addons = pgTable(
  "addons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    resourceKind: text("resource_kind").$type<CatalogResourceKind>().notNull(),
    qty: bigint("qty", { mode: "number" }).notNull(),
    priceCents: bigint("price_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    isActive: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("addons_code_key").on(t.code),
    check("addons_code_format", sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{0,39}$'`),
    check("addons_qty", sql`${t.qty} > 0`),
    check("addons_price", sql`${t.priceCents} >= 0`),
    check("addons_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type Addon = typeof addons.$inferSelect;

/**
 * Effective-dated fallback per-unit prices for usage a plan does not cover. Periods are half-open,
 * [effective_from, effective_to), effective_to null meaning open; periods of one kind never overlap (enforced by a
 * trigger in the catalog_guards migration, as PGlite has no btree_gist for an exclusion constraint).
 */
export const resourcePrices = pgTable(
  "resource_prices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceKind: text("resource_kind").$type<CatalogResourceKind>().notNull(),
    unit: text("unit").notNull(),
    priceCents: bigint("price_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    effectiveFrom: timestamp("effective_from", { withTimezone: true }).notNull(),
    effectiveTo: timestamp("effective_to", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("resource_prices_kind_from_key").on(t.resourceKind, t.effectiveFrom),
    index("resource_prices_from_idx").on(t.effectiveFrom),
    check("resource_prices_period", sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
    check("resource_prices_price", sql`${t.priceCents} >= 0`),
    check("resource_prices_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type ResourcePrice = typeof resourcePrices.$inferSelect;
