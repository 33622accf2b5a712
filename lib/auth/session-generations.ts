import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessionGenerations } from "@/db/schema";

/** The generation a new session of `subject` carries; no row means nobody ever signed it out. */
export async function currentSessionGeneration(db: DbOrTx, subject: string): Promise<number> {
  const [row] = await db
    .select({ generation: sessionGenerations.generation })
    .from(sessionGenerations)
    .where(eq(sessionGenerations.subject, subject));
  return row?.generation ?? 0;
}

/** Invalidates every session `subject` has now: each carries an older generation from then on. */
export async function revokeSessions(db: DbOrTx, subject: string): Promise<void> {
  await db
    .insert(sessionGenerations)
    .values({ subject, generation: 1 })
    .onConflictDoUpdate({
      target: sessionGenerations.subject,
      set: { generation: sql`${sessionGenerations.generation} + 1`, updatedAt: sql`now()` },
    });
}
