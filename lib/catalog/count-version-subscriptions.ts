import "server-only";
import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { subscriptions } from "@/db/schema/billing";

/**
 * How many running subscriptions are bound to a plan version: the publish confirmation says they stay on it (until
 * migrated from the plan's margin page). Ended subscriptions no longer stay anywhere.
 */
export async function countVersionSubscriptions(db: DbOrTx, versionId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.planVersionId, versionId), or(isNull(subscriptions.endedAt), gt(subscriptions.endedAt, new Date()))));
  return row?.n ?? 0;
}
