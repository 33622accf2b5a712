import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { addons, type CatalogResourceKind, planVersions } from "./catalog";

// The revenue side of the margin: who pays (tenants, subscriptions bound to plan versions, add-ons), what they used
// (usage records) and the exchange rates that put COGS (USD) and revenue (plan currency) in one reporting currency.

/** A tenant as arcadia-app knows it: the id is arcadia-app's own, and the suffix of the `tenant:<id>` resource tag. */
export const tenants = pgTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("tenants_id_format", sql`${t.id} ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'`)],
);

export type Tenant = typeof tenants.$inferSelect;

export const subscriptionStatuses = ["active", "trialing", "canceled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/**
 * A tenant's subscription, bound to one plan version. `plan_version_id` is the version it is (or is scheduled to be)
 * on; only a recorded migration changes it, and subscription_migrations keeps when each change takes effect, so
 * revenue for a past month uses the version that was in force then.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    planVersionId: uuid("plan_version_id")
      .notNull()
      .references(() => planVersions.id),
    status: text("status").$type<SubscriptionStatus>().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("subscriptions_tenant_idx").on(t.tenantId),
    index("subscriptions_version_idx").on(t.planVersionId),
    check("subscriptions_status", sql`${t.status} in ('active', 'trialing', 'canceled')`),
    check("subscriptions_period", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;

/**
 * Each status a subscription has had and from when, as arcadia-app reported it (a trial that became active, an active
 * one put back on trial), so a past month is billed with the status it had then. Append-only; the first row is the
 * status it was created with, from its start.
 */
export const subscriptionStatusChanges = pgTable(
  "subscription_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    status: text("status").$type<SubscriptionStatus>().notNull(),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("subscription_status_changes_subscription_idx").on(t.subscriptionId, t.effectiveAt),
    check("subscription_status_changes_status", sql`${t.status} in ('active', 'trialing', 'canceled')`),
  ],
);

export type SubscriptionStatusChange = typeof subscriptionStatusChanges.$inferSelect;

/** Add-ons bought on a subscription, each for its own period. */
export const subscriptionAddons = pgTable(
  "subscription_addons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    addonId: uuid("addon_id")
      .notNull()
      .references(() => addons.id),
    quantity: integer("quantity").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("subscription_addons_key").on(t.subscriptionId, t.addonId, t.startedAt),
    check("subscription_addons_quantity", sql`${t.quantity} > 0`),
    check("subscription_addons_period", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export type SubscriptionAddon = typeof subscriptionAddons.$inferSelect;

/** Every move of a subscription from one plan version to another, and when it takes effect. Append-only. */
export const subscriptionMigrations = pgTable(
  "subscription_migrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    fromVersionId: uuid("from_version_id")
      .notNull()
      .references(() => planVersions.id),
    toVersionId: uuid("to_version_id")
      .notNull()
      .references(() => planVersions.id),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    migratedBy: text("migrated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("subscription_migrations_subscription_idx").on(t.subscriptionId, t.effectiveAt),
    check("subscription_migrations_versions", sql`${t.fromVersionId} <> ${t.toVersionId}`),
  ],
);

export type SubscriptionMigration = typeof subscriptionMigrations.$inferSelect;

export const usageSources = ["meter", "api"] as const;
export type UsageSource = (typeof usageSources)[number];

/**
 * Usage per tenant, resource kind and month. The meter-usage job writes one row per (tenant, kind, month) from the
 * inventory; arcadia-app posts rows for what we cannot see (LLM tokens, bandwidth). `client_key` makes both idempotent.
 * No foreign key to tenants: usage may be recorded before arcadia-app has told us about the tenant.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    clientKey: text("client_key").notNull(),
    tenantId: text("tenant_id").notNull(),
    resourceKind: text("resource_kind").$type<CatalogResourceKind>().notNull(),
    /** First day of the month the usage belongs to. */
    period: date("period", { mode: "string" }).notNull(),
    /** In the kind's own measure (hours, GB-months, tokens, zones); fractional for time-weighted kinds. */
    quantity: numeric("quantity", { precision: 24, scale: 6 }).notNull(),
    source: text("source").$type<UsageSource>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("usage_records_client_key").on(t.clientKey),
    index("usage_records_period_tenant_idx").on(t.period, t.tenantId),
    check("usage_records_source", sql`${t.source} in ('meter', 'api')`),
    check("usage_records_quantity", sql`${t.quantity} >= 0`),
    check("usage_records_period_first_day", sql`extract(day from ${t.period}) = 1`),
  ],
);

export type UsageRecord = typeof usageRecords.$inferSelect;

export const fxRateSources = ["manual", "ecb"] as const;
export type FxRateSource = (typeof fxRateSources)[number];

/**
 * Effective-dated exchange rates: 1 `base` = `rate` `quote` from `effective_from` until the next rate of the same pair.
 * A month converts with the rate in effect on its first day. Rates are entered by an admin (`manual`) or fetched from
 * an ECB-format reference file (`ecb`, its URL in `source_url`, `effective_from` the reference date); both are kept, and
 * on the same date the manual one wins, so a manual rate overrides without losing the fetched one.
 */
export const fxRates = pgTable(
  "fx_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    base: text("base").notNull(),
    quote: text("quote").notNull(),
    rate: numeric("rate", { precision: 18, scale: 8 }).notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    source: text("source").$type<FxRateSource>().notNull().default("manual"),
    sourceUrl: text("source_url"),
    /** When a fetched rate was last read from its source. */
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("fx_rates_pair_from_source_key").on(t.base, t.quote, t.effectiveFrom, t.source),
    check("fx_rates_source", sql`${t.source} in ('manual', 'ecb')`),
    check("fx_rates_currencies", sql`${t.base} ~ '^[A-Z]{3}$' and ${t.quote} ~ '^[A-Z]{3}$' and ${t.base} <> ${t.quote}`),
    check("fx_rates_rate", sql`${t.rate} > 0`),
  ],
);

export type FxRate = typeof fxRates.$inferSelect;
