import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Console-wide settings an admin edits (the target gross margin), one row per key, unlike admin_preferences, which
 * are each admin's own. Values are validated by the module that owns the key; who changed it last is kept.
 */
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type PlatformSetting = typeof platformSettings.$inferSelect;
