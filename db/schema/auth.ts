import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    /** A disabled admin cannot sign in, and its sessions are revoked. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("admins_email_key").on(sql`lower(${t.email})`)],
);

export type Admin = typeof admins.$inferSelect;

/**
 * Session cookies are stateless JWTs, so revoking one needs server state: each session carries its subject's
 * generation at sign-in, and signing out (or disabling an admin) bumps it, which invalidates every older session.
 * Subjects are admin ids and `arcadia:<sub>` for people who arrived through arcadia-app; no row means generation 0.
 */
export const sessionGenerations = pgTable("session_generations", {
  subject: text("subject").primaryKey(),
  generation: integer("generation").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed password sign-ins per key (`account:<email>` and `ip:<address>`), kept in the database so a lockout holds
 * across restarts and app instances. `lockouts` grows the cool-down of the next lockout.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lockouts: integer("lockouts").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per-admin settings of the console (the inventory's visible columns), keyed by the session subject (an admin id or
 * `arcadia:<sub>`), so they follow the admin to any browser. Values are validated by whoever reads them.
 */
export const adminPreferences = pgTable(
  "admin_preferences",
  {
    subject: text("subject").notNull(),
    key: text("key").notNull(),
    value: jsonb("value").$type<unknown>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.key] })],
);
