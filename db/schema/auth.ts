import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Platform admins who sign in with email and password. Sessions are next-auth JWTs (no session table): arcadia-app
 * users arrive with their own signed token, so there is nothing else for next-auth to store.
 */
export const admins = pgTable(
  "admins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("admins_email_key").on(sql`lower(${t.email})`)],
);

export type Admin = typeof admins.$inferSelect;
