import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { planVersions, plans } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { addMonths, currentPeriod, monthStart } from "./month";

export const migrationTimings = ["now", "next_month"] as const;
export type MigrationTiming = (typeof migrationTimings)[number];

export interface MigrationResult {
  planCode: string;
  fromVersion: number;
  toVersion: number;
  moved: number;
  effectiveAt: string;
}

/**
 * Moves every running subscription of a plan's old version to its active version, now or from the first day of next
 * month, recording one migration per subscription; the only way a subscription's version ever changes. The version
 * column points at the new version at once, and the migration's `effective_at` tells revenue when the change counts.
 * A move never takes effect before a move already recorded for the same subscription, so its history stays in order.
 */
export async function migrateVersionSubscriptions(
  db: DbOrTx,
  opts: { fromVersionId: string; timing: MigrationTiming; actor: string | null; now?: Date },
): Promise<MigrationResult> {
  const now = opts.now ?? new Date();
  const effectiveAt = opts.timing === "now" ? now : monthStart(addMonths(currentPeriod(now), 1));
  return db.transaction(async (tx) => {
    const [from] = await tx
      .select({ id: planVersions.id, version: planVersions.version, status: planVersions.status, planId: plans.id, planCode: plans.code })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(eq(planVersions.id, opts.fromVersionId))
      // The plan row lock serialises this against publishes and other migrations of the same plan.
      .for("update", { of: plans });
    if (!from) throw new ApiError("not_found", "That plan version does not exist");
    const [to] = await tx
      .select({ id: planVersions.id, version: planVersions.version })
      .from(planVersions)
      .where(and(eq(planVersions.planId, from.planId), eq(planVersions.status, "active")));
    if (!to) throw new ApiError("conflict", `${from.planCode} has no active version to move subscriptions to`);
    if (to.id === from.id) throw new ApiError("conflict", `Version ${from.version} is the active version of ${from.planCode}: there is nothing to move its subscriptions to`);
    if (from.status === "draft") throw new ApiError("conflict", "A draft has no subscriptions");

    const at = effectiveAt.toISOString();
    const moved = await tx.execute(sql`
      with running as (
        select s.id, greatest(${at}::timestamptz, coalesce(max(m.effective_at), ${at}::timestamptz)) as effective_at
        from subscriptions s
        left join subscription_migrations m on m.subscription_id = s.id
        where s.plan_version_id = ${from.id} and (s.ended_at is null or s.ended_at > ${at}::timestamptz)
        group by s.id
      ),
      recorded as (
        insert into subscription_migrations (subscription_id, from_version_id, to_version_id, effective_at, migrated_by)
        select r.id, ${from.id}, ${to.id}, r.effective_at, ${opts.actor} from running r
        returning subscription_id
      )
      update subscriptions s set plan_version_id = ${to.id}, updated_at = now()
      from recorded where s.id = recorded.subscription_id
      returning s.id`);
    return { planCode: from.planCode, fromVersion: from.version, toVersion: to.version, moved: rowsOf(moved).length, effectiveAt: at };
  });
}

/** Running subscriptions per version of a plan: what the plan's migration panel offers to move. */
export async function countSubscriptionsByVersion(db: DbOrTx, planCode: string): Promise<Map<string, number>> {
  const rows = await db.execute(sql`
    select s.plan_version_id as version_id, count(*)::int as n
    from subscriptions s
    join plan_versions v on v.id = s.plan_version_id
    join plans p on p.id = v.plan_id
    where p.code = ${planCode} and (s.ended_at is null or s.ended_at > now())
    group by s.plan_version_id`);
  return new Map(rowsOf<{ version_id: string; n: number }>(rows).map((r) => [r.version_id, Number(r.n)]));
}

export interface MigrationBatch {
  fromVersion: number;
  toVersion: number;
  effectiveAt: string;
  migratedBy: string | null;
  recordedAt: string;
  count: number;
}

/** A plan's recorded migrations, one line per batch (what one "Move" did), newest first. */
export async function listPlanMigrations(db: DbOrTx, planCode: string, limit = 20): Promise<MigrationBatch[]> {
  const rows = await db.execute(sql`
    select fv.version as from_version, tv.version as to_version, m.effective_at, m.migrated_by,
           m.created_at as recorded_at, count(*)::int as n
    from subscription_migrations m
    join plan_versions fv on fv.id = m.from_version_id
    join plan_versions tv on tv.id = m.to_version_id
    join plans p on p.id = fv.plan_id
    where p.code = ${planCode}
    -- One move writes all its rows in one transaction, so they share created_at (now() is the transaction's start).
    group by fv.version, tv.version, m.effective_at, m.migrated_by, m.created_at
    order by recorded_at desc
    limit ${limit}`);
  return rowsOf<{ from_version: number; to_version: number; effective_at: string | Date; migrated_by: string | null; recorded_at: string | Date; n: number }>(rows).map((r) => ({
    fromVersion: Number(r.from_version),
    toVersion: Number(r.to_version),
    effectiveAt: new Date(r.effective_at).toISOString(),
    migratedBy: r.migrated_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
    count: Number(r.n),
  }));
}
