import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planVersions, plans } from "@/db/schema/catalog";
import { ApiError } from "@/lib/http/errors";
import { isConstraintViolation } from "./db-errors";

export interface PublishResult {
  plan_code: string;
  version: number;
  /** The version that was active until now, retired by this publish. */
  retired_version: number | null;
  published_at: string;
}

/**
 * Makes a draft the plan's active version, in one transaction: the current active version is retired and the draft
 * activated. Publishes of one plan are serialised by a lock on the plan row, and the status is read again once the
 * lock is held, so of two racing publishes of the same draft one succeeds and the other is refused with a conflict.
 * The partial unique index (one active version per plan) backs this up should anything bypass the lock. `now` dates
 * the publish (and the retirement) for a seed that replays a catalog's history; everyone else publishes now.
 */
export async function publishVersion(db: DbOrTx, versionId: string, actor: string | null, opts: { now?: Date } = {}): Promise<PublishResult> {
  try {
    return await db.transaction(async (tx) => {
      const [target] = await tx.select({ planId: planVersions.planId }).from(planVersions).where(eq(planVersions.id, versionId));
      if (!target) throw new ApiError("not_found", "That plan version does not exist (it may have been deleted)");
      const [plan] = await tx.select().from(plans).where(eq(plans.id, target.planId)).for("update");
      // Read after the lock: a publish that committed while we waited is visible now.
      const [draft] = await tx.select().from(planVersions).where(eq(planVersions.id, versionId));
      if (!plan || !draft) throw new ApiError("not_found", "That plan version does not exist (it may have been deleted)");
      if (draft.status !== "draft") {
        const when = draft.publishedAt ? ` on ${draft.publishedAt.toISOString()}` : "";
        const by = draft.publishedBy ? ` by ${draft.publishedBy}` : "";
        throw new ApiError("conflict", `Version ${draft.version} of ${plan.code} is already ${draft.status} (published${when}${by}); only a draft can be published`);
      }
      const now = opts.now ?? new Date();
      const [retired] = await tx
        .update(planVersions)
        .set({ status: "retired", retiredAt: now, updatedAt: sql`now()` })
        .where(and(eq(planVersions.planId, plan.id), eq(planVersions.status, "active")))
        .returning({ version: planVersions.version });
      await tx
        .update(planVersions)
        .set({ status: "active", publishedAt: now, publishedBy: actor, updatedAt: sql`now()` })
        .where(eq(planVersions.id, versionId));
      return { plan_code: plan.code, version: draft.version, retired_version: retired?.version ?? null, published_at: now.toISOString() };
    });
  } catch (e) {
    if (isConstraintViolation(e, "plan_versions_one_active_per_plan")) {
      throw new ApiError("conflict", "Another publish of this plan happened at the same moment; reload to see which version is active");
    }
    throw e;
  }
}
