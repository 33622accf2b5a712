import "server-only";
import { count, gt } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notificationOutbox } from "@/db/schema";
import { getAdminPreference, setAdminPreference } from "@/lib/preferences/admin-preferences";

/** Each admin's read marker: events written after it are unread (an admin preference, so no table of its own). */
const seenKey = "activity.seen_through";
const seenSchema = z.iso.datetime();

/** Events written since the admin last opened /activity (all of them before the first visit). */
export async function countUnreadActivity(db: DbOrTx, subject: string): Promise<number> {
  const seen = await getAdminPreference(db, subject, seenKey, seenSchema);
  const [row] = await db
    .select({ n: count() })
    .from(notificationOutbox)
    .where(seen ? gt(notificationOutbox.createdAt, new Date(seen)) : undefined);
  return row?.n ?? 0;
}

/** Opening /activity reads everything written up to now. */
export function markActivitySeen(db: DbOrTx, subject: string, now = new Date()): Promise<void> {
  return setAdminPreference(db, subject, seenKey, now.toISOString());
}
