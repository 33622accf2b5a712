import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { adminPreferences } from "@/db/schema";

/**
 * An admin's setting (`subject` is the session's user id), parsed with `schema`. A value stored by an older shape
 * of the setting is read as no setting: preferences are conveniences, never a reason for a page to fail.
 */
export async function getAdminPreference<S extends z.ZodType>(db: DbOrTx, subject: string, key: string, schema: S): Promise<z.output<S> | null> {
  const [row] = await db
    .select({ value: adminPreferences.value })
    .from(adminPreferences)
    .where(and(eq(adminPreferences.subject, subject), eq(adminPreferences.key, key)));
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

export async function setAdminPreference(db: DbOrTx, subject: string, key: string, value: unknown): Promise<void> {
  await db
    .insert(adminPreferences)
    .values({ subject, key, value })
    .onConflictDoUpdate({ target: [adminPreferences.subject, adminPreferences.key], set: { value, updatedAt: sql`now()` } });
}
