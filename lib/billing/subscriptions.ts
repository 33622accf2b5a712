import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { addons, planVersions, plans, subscriptionAddons, subscriptionStatusChanges, subscriptions, tenants } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { SubscriptionBody, SubscriptionItem } from "./schemas";

const migrationHint =
  "A subscription's plan version changes only through a migration (Margin → Plans → Migrate subscriptions). To change plan, end this subscription (status canceled with ended_at) and PUT a new one.";

async function resolveVersion(tx: DbOrTx, body: SubscriptionBody) {
  if (body.plan_version_id) {
    const [row] = await tx
      .select({ id: planVersions.id, status: planVersions.status, planCode: plans.code })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(eq(planVersions.id, body.plan_version_id));
    if (!row) throw new ApiError("invalid_request", `There is no plan version ${body.plan_version_id}`, [{ path: "plan_version_id", code: "custom", message: "unknown version" }]);
    if (row.status === "draft") throw new ApiError("conflict", "That plan version is a draft: subscriptions bind only to published versions");
    return row;
  }
  if (body.plan_code) {
    const [row] = await tx
      .select({ id: planVersions.id, status: planVersions.status, planCode: plans.code })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(and(eq(plans.code, body.plan_code), eq(planVersions.status, "active")));
    if (!row) {
      const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.code, body.plan_code));
      if (!plan) throw new ApiError("invalid_request", `There is no plan with the code "${body.plan_code}"`, [{ path: "plan_code", code: "custom", message: "unknown plan" }]);
      throw new ApiError("conflict", `Plan "${body.plan_code}" has no active version to bind to`);
    }
    return row;
  }
  return null;
}

/**
 * PUT /api/v1/subscriptions/{id}: an idempotent upsert keyed by arcadia-app's id. Creating binds a version (the plan's
 * active one for `plan_code`, or exactly `plan_version_id`); afterwards the version is fixed: naming the same plan (or
 * the current version) again is accepted and changes nothing, naming another version is a 409 pointing to migration.
 * `created` says whether this call inserted the subscription.
 */
export async function upsertSubscription(db: DbOrTx, id: string, body: SubscriptionBody): Promise<{ item: SubscriptionItem; created: boolean }> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, body.tenant_id));
    if (!tenant) {
      throw new ApiError("invalid_request", `Unknown tenant "${body.tenant_id}": PUT /api/v1/tenants/${body.tenant_id} first`, [
        { path: "tenant_id", code: "custom", message: "unknown tenant" },
      ]);
    }
    const requested = await resolveVersion(tx, body);
    const [existing] = await tx
      .select({ sub: subscriptions, planCode: plans.code })
      .from(subscriptions)
      .innerJoin(planVersions, eq(planVersions.id, subscriptions.planVersionId))
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(eq(subscriptions.id, id))
      .for("update", { of: subscriptions });
    const fields = {
      status: body.status,
      startedAt: new Date(body.started_at),
      endedAt: body.ended_at ? new Date(body.ended_at) : null,
    };
    let created = false;
    if (!existing) {
      if (!requested) {
        throw new ApiError("invalid_request", "Send plan_code or plan_version_id to create a subscription", [{ path: "plan_code", code: "custom", message: "required on create" }]);
      }
      // Two concurrent first PUTs of one id: the second inserts nothing and answers what the first stored.
      const inserted = await tx
        .insert(subscriptions)
        .values({ id, tenantId: body.tenant_id, planVersionId: requested.id, ...fields })
        .onConflictDoNothing()
        .returning({ id: subscriptions.id });
      created = inserted.length > 0;
      if (created) await tx.insert(subscriptionStatusChanges).values({ subscriptionId: id, status: fields.status, effectiveAt: fields.startedAt });
    } else {
      if (existing.sub.tenantId !== body.tenant_id) {
        throw new ApiError("conflict", `Subscription ${id} belongs to tenant "${existing.sub.tenantId}"; a subscription never changes tenant`);
      }
      const isOtherVersion = body.plan_version_id ? requested?.id !== existing.sub.planVersionId : body.plan_code ? body.plan_code !== existing.planCode : false;
      if (isOtherVersion) throw new ApiError("conflict", `Subscription ${id} is on ${existing.planCode}; ${migrationHint}`);
      const isChanged =
        existing.sub.status !== fields.status ||
        existing.sub.startedAt.getTime() !== fields.startedAt.getTime() ||
        (existing.sub.endedAt?.getTime() ?? null) !== (fields.endedAt?.getTime() ?? null);
      if (isChanged) await tx.update(subscriptions).set({ ...fields, updatedAt: sql`now()` }).where(eq(subscriptions.id, id));
      // We learn of a status change when arcadia-app sends it: from then on, revenue follows the new status.
      if (existing.sub.status !== fields.status) await tx.insert(subscriptionStatusChanges).values({ subscriptionId: id, status: fields.status, effectiveAt: sql`now()` });
    }
    if (body.addons) await replaceAddons(tx, id, body.addons);
    return { item: (await getSubscription(tx, id))!, created };
  });
}

async function replaceAddons(tx: DbOrTx, subscriptionId: string, wanted: NonNullable<SubscriptionBody["addons"]>) {
  const codes = [...new Set(wanted.map((a) => a.code))];
  const known = codes.length ? await tx.select({ id: addons.id, code: addons.code }).from(addons).where(inArray(addons.code, codes)) : [];
  const idByCode = new Map(known.map((a) => [a.code, a.id]));
  const unknown = codes.filter((c) => !idByCode.has(c));
  if (unknown.length) {
    throw new ApiError("invalid_request", `Unknown add-on code${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, [{ path: "addons", code: "custom", message: "unknown add-on" }]);
  }
  await tx.delete(subscriptionAddons).where(eq(subscriptionAddons.subscriptionId, subscriptionId));
  if (!wanted.length) return;
  await tx.insert(subscriptionAddons).values(
    wanted.map((a) => ({
      subscriptionId,
      addonId: idByCode.get(a.code)!,
      quantity: a.quantity,
      startedAt: new Date(a.started_at),
      endedAt: a.ended_at ? new Date(a.ended_at) : null,
    })),
  );
}

export async function getSubscription(db: DbOrTx, id: string): Promise<SubscriptionItem | null> {
  const [row] = await db
    .select({ sub: subscriptions, planCode: plans.code, version: planVersions.version })
    .from(subscriptions)
    .innerJoin(planVersions, eq(planVersions.id, subscriptions.planVersionId))
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(eq(subscriptions.id, id));
  if (!row) return null;
  const held = await db
    .select({ code: addons.code, quantity: subscriptionAddons.quantity, startedAt: subscriptionAddons.startedAt, endedAt: subscriptionAddons.endedAt })
    .from(subscriptionAddons)
    .innerJoin(addons, eq(addons.id, subscriptionAddons.addonId))
    .where(eq(subscriptionAddons.subscriptionId, id))
    .orderBy(asc(subscriptionAddons.startedAt), asc(addons.code));
  return {
    id: row.sub.id,
    tenant_id: row.sub.tenantId,
    plan_code: row.planCode,
    plan_version_id: row.sub.planVersionId,
    plan_version: row.version,
    status: row.sub.status,
    started_at: row.sub.startedAt.toISOString(),
    ended_at: row.sub.endedAt?.toISOString() ?? null,
    addons: held.map((a) => ({ code: a.code, quantity: a.quantity, started_at: a.startedAt.toISOString(), ended_at: a.endedAt?.toISOString() ?? null })),
    created_at: row.sub.createdAt.toISOString(),
    updated_at: row.sub.updatedAt.toISOString(),
  };
}
