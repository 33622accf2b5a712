import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { planVersions, plans } from "@/db/schema/catalog";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { isConstraintViolation } from "./db-errors";
import { type PlanInput, planInputSchema, type VersionDetail, type VersionInput } from "./schemas";
import { createDraftVersion, getPlanOrThrow, listVersions } from "./versions";

export interface PlanSummary {
  code: string;
  name: string;
  active: { version: number; base_price_cents: number; currency: string; published_at: string | null } | null;
  draft: { version: number; base_price_cents: number; currency: string } | null;
  version_count: number;
}

/** Every plan for the catalog editor, on sale or not, with its active version and any pending draft. */
export async function listPlanSummaries(db: DbOrTx): Promise<PlanSummary[]> {
  const rows = await db
    .select({ plan: plans, version: planVersions })
    .from(plans)
    .leftJoin(planVersions, eq(planVersions.planId, plans.id))
    .orderBy(asc(plans.name), asc(planVersions.version));
  const byCode = new Map<string, PlanSummary>();
  for (const { plan, version } of rows) {
    let s = byCode.get(plan.code);
    if (!s) {
      s = { code: plan.code, name: plan.name, active: null, draft: null, version_count: 0 };
      byCode.set(plan.code, s);
    }
    if (!version) continue;
    s.version_count++;
    const price = { version: version.version, base_price_cents: version.basePriceCents, currency: version.currency };
    if (version.status === "active") s.active = { ...price, published_at: version.publishedAt?.toISOString() ?? null };
    if (version.status === "draft") s.draft = price;
  }
  return [...byCode.values()].sort((a, b) => (a.active?.base_price_cents ?? Infinity) - (b.active?.base_price_cents ?? Infinity) || a.name.localeCompare(b.name));
}

export interface PlanDetail {
  id: string;
  code: string;
  name: string;
  description: string;
  /** Newest first. */
  versions: VersionDetail[];
  active: VersionDetail | null;
  draft: VersionDetail | null;
}

export async function getPlanDetail(db: DbOrTx, planCode: string): Promise<PlanDetail> {
  const plan = await getPlanOrThrow(db, planCode);
  const versions = await listVersions(db, plan.id);
  return {
    id: plan.id,
    code: plan.code,
    name: plan.name,
    description: plan.description,
    versions,
    active: versions.find((v) => v.status === "active") ?? null,
    draft: versions.find((v) => v.status === "draft") ?? null,
  };
}

/** A new plan and its first version, as a draft: nothing is on sale until someone publishes it. */
export async function createPlan(
  db: DbOrTx,
  input: PlanInput,
  firstVersion: VersionInput,
  actor: string | null = null,
): Promise<{ plan_code: string; draft: VersionDetail }> {
  const plan = parseOrThrow(planInputSchema, input, "plan");
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(plans).values({ code: plan.code, name: plan.name, description: plan.description });
      const draft = await createDraftVersion(tx, plan.code, firstVersion, actor);
      return { plan_code: plan.code, draft };
    });
  } catch (e) {
    if (isConstraintViolation(e, "plans_code_key")) {
      throw new ApiError("conflict", `A plan with the code "${plan.code}" already exists`, [
        { path: "code", code: "custom", message: "This code is taken" },
      ]);
    }
    throw e;
  }
}

/** Renames or re-describes a plan. Its code is its identity (arcadia-app stores it), so it never changes. */
export async function updatePlan(db: DbOrTx, planCode: string, input: Pick<PlanInput, "name" | "description">): Promise<void> {
  const parsed = parseOrThrow(planInputSchema.pick({ name: true, description: true }), input, "plan");
  const updated = await db
    .update(plans)
    .set({ name: parsed.name, description: parsed.description, updatedAt: sql`now()` })
    .where(eq(plans.code, planCode))
    .returning({ id: plans.id });
  if (!updated.length) throw new ApiError("not_found", `There is no plan with the code "${planCode}"`);
}
