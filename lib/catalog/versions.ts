import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Plan, type PlanItem, type PlanVersion, planItems, planVersions, plans } from "@/db/schema/catalog";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { isConstraintViolation } from "./db-errors";
import { type VersionDetail, type VersionInput, versionInputSchema } from "./schemas";
import { toVersionDetail } from "./to-dto";

/** Plans are addressed by code everywhere people and arcadia-app see them. */
export async function getPlanOrThrow(db: DbOrTx, planCode: string, opts: { forUpdate?: boolean } = {}): Promise<Plan> {
  const q = db.select().from(plans).where(eq(plans.code, planCode));
  const [plan] = opts.forUpdate ? await q.for("update") : await q;
  if (!plan) throw new ApiError("not_found", `There is no plan with the code "${planCode}"`);
  return plan;
}

export async function itemsByVersion(db: DbOrTx, versionIds: string[]): Promise<Map<string, PlanItem[]>> {
  const map = new Map<string, PlanItem[]>(versionIds.map((id) => [id, []]));
  if (!versionIds.length) return map;
  const rows = await db.select().from(planItems).where(inArray(planItems.versionId, versionIds));
  for (const row of rows) map.get(row.versionId)?.push(row);
  return map;
}

/** Every version of a plan, newest first. */
export async function listVersions(db: DbOrTx, planId: string): Promise<VersionDetail[]> {
  const rows = await db.select().from(planVersions).where(eq(planVersions.planId, planId)).orderBy(desc(planVersions.version));
  const items = await itemsByVersion(db, rows.map((r) => r.id));
  return rows.map((r) => toVersionDetail(r, items.get(r.id) ?? []));
}

export async function getVersionDetail(db: DbOrTx, planCode: string, version: number): Promise<VersionDetail | null> {
  const plan = await getPlanOrThrow(db, planCode);
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, plan.id), eq(planVersions.version, version)));
  if (!row) return null;
  const items = await itemsByVersion(db, [row.id]);
  return toVersionDetail(row, items.get(row.id) ?? []);
}

function refuseUnlessDraft(plan: Pick<Plan, "code">, row: PlanVersion, doing: string): void {
  if (row.status !== "draft") {
    throw new ApiError(
      "conflict",
      `Version ${row.version} of ${plan.code} is ${row.status}, so it cannot be ${doing}: published versions are immutable because subscriptions bind to them. Create a new draft instead.`,
    );
  }
}

/** The allowed sizes as stored: each once, in order. */
const uniqueSizes = (sizes: readonly string[] | undefined) => [...new Set(sizes ?? [])].sort();

async function insertItems(db: DbOrTx, versionId: string, items: VersionInput["items"]): Promise<void> {
  if (!items.length) return;
  await db.insert(planItems).values(
    items.map((i) => ({
      versionId,
      resourceKind: i.resource_kind,
      includedQty: i.included_qty,
      overageUnit: i.overage_unit,
      overagePriceCents: i.overage_price_cents,
      hardCapQty: i.hard_cap_qty,
    })),
  );
}

/**
 * A new draft of the plan: `input` when given (the editor's form), otherwise a copy of the active version. A plan has
 * at most one draft, so the second "New draft" is told to edit the first.
 */
export async function createDraftVersion(
  db: DbOrTx,
  planCode: string,
  input?: VersionInput,
  actor: string | null = null,
): Promise<VersionDetail> {
  const parsed = input ? parseOrThrow(versionInputSchema, input, "version") : undefined;
  try {
    return await db.transaction(async (tx) => {
      // The plan row lock serialises version numbering, drafts and publishes of one plan.
      const plan = await getPlanOrThrow(tx, planCode, { forUpdate: true });
      const versions = await tx.select().from(planVersions).where(eq(planVersions.planId, plan.id)).orderBy(desc(planVersions.version));
      const draft = versions.find((v) => v.status === "draft");
      if (draft) {
        throw new ApiError("conflict", `${plan.name} already has a draft (version ${draft.version}); edit or delete it before starting another`);
      }
      let source = parsed;
      if (!source) {
        const active = versions.find((v) => v.status === "active");
        if (!active) throw new ApiError("conflict", `${plan.name} has no active version to copy; enter the new version's price and items`);
        const items = (await itemsByVersion(tx, [active.id])).get(active.id) ?? [];
        source = {
          base_price_cents: active.basePriceCents,
          currency: active.currency,
          items: toVersionDetail(active, items).items,
          allowed_sizes: active.allowedSizes,
        };
      }
      const [row] = await tx
        .insert(planVersions)
        .values({
          planId: plan.id,
          version: (versions[0]?.version ?? 0) + 1,
          basePriceCents: source.base_price_cents,
          currency: source.currency,
          allowedSizes: uniqueSizes(source.allowed_sizes),
          status: "draft",
          createdBy: actor,
        })
        .returning();
      await insertItems(tx, row!.id, source.items);
      const items = await itemsByVersion(tx, [row!.id]);
      return toVersionDetail(row!, items.get(row!.id) ?? []);
    });
  } catch (e) {
    if (isConstraintViolation(e, "plan_versions_one_draft_per_plan")) {
      throw new ApiError("conflict", `${planCode} already has a draft; edit or delete it before starting another`);
    }
    throw e;
  }
}

async function lockVersion(tx: DbOrTx, versionId: string) {
  const [row] = await tx
    .select({ version: planVersions, plan: plans })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(eq(planVersions.id, versionId))
    .for("update", { of: planVersions });
  if (!row) throw new ApiError("not_found", "That plan version does not exist (it may have been deleted)");
  return row;
}

/** Replaces a draft's price and items. Active and retired versions are refused. */
export async function updateDraftVersion(db: DbOrTx, versionId: string, input: VersionInput): Promise<VersionDetail> {
  const parsed = parseOrThrow(versionInputSchema, input, "version");
  return db.transaction(async (tx) => {
    const { version, plan } = await lockVersion(tx, versionId);
    refuseUnlessDraft(plan, version, "edited");
    const [row] = await tx
      .update(planVersions)
      .set({ basePriceCents: parsed.base_price_cents, currency: parsed.currency, allowedSizes: uniqueSizes(parsed.allowed_sizes), updatedAt: sql`now()` })
      .where(eq(planVersions.id, versionId))
      .returning();
    await tx.delete(planItems).where(eq(planItems.versionId, versionId));
    await insertItems(tx, versionId, parsed.items);
    const items = await itemsByVersion(tx, [versionId]);
    return toVersionDetail(row!, items.get(versionId) ?? []);
  });
}

/** Deletes a draft and its items; a published version is history and stays. */
export async function deleteDraftVersion(db: DbOrTx, versionId: string): Promise<{ plan_code: string; version: number }> {
  return db.transaction(async (tx) => {
    const { version, plan } = await lockVersion(tx, versionId);
    refuseUnlessDraft(plan, version, "deleted");
    await tx.delete(planVersions).where(eq(planVersions.id, versionId));
    return { plan_code: plan.code, version: version.version };
  });
}
