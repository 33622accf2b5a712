import { sql } from "drizzle-orm";
import { bigint, check, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cloudResources } from "./resources";

/**
 * What a daily sample measures, in bytes: a Spaces bucket's stored bytes (a level: the day's last reading, written by
 * the inventory sync) and a droplet's public outbound transfer (an amount: the whole UTC day, integrated from DO's
 * monitoring series by the meter).
 */
export const usageSampleMetrics = ["stored_bytes", "public_outbound_bytes"] as const;
export type UsageSampleMetric = (typeof usageSampleMetrics)[number];

/** One value per resource, metric and UTC day: the inputs the meter turns into Spaces GB-months and bandwidth GB. */
export const resourceUsageSamples = pgTable(
  "resource_usage_samples",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => cloudResources.id),
    metric: text("metric").$type<UsageSampleMetric>().notNull(),
    day: date("day", { mode: "string" }).notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
    sampledAt: timestamp("sampled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.metric, t.day] }),
    // The meter reads one metric over one month for every resource.
    index("resource_usage_samples_metric_day_idx").on(t.metric, t.day),
    check("resource_usage_samples_metric", sql`${t.metric} in ('stored_bytes', 'public_outbound_bytes')`),
    check("resource_usage_samples_value", sql`${t.value} >= 0`),
  ],
);

export type ResourceUsageSample = typeof resourceUsageSamples.$inferSelect;
