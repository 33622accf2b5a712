import "server-only";
import { eq, sql } from "drizzle-orm";
import { provisioningRequests, provisioningReservations } from "@/db/schema";
import { meterUsage } from "@/lib/billing/meter-usage";
import { toPeriod } from "@/lib/billing/month";
import { getProvisioned, recordProvisioned } from "@/lib/drift/record-provisioned";
import type { Spec } from "@/lib/drift/schemas";
import { settleReservations } from "./finish-request";
import { refreshDroplet, tombstoneResource } from "./refresh-inventory";
import { outputOf, type SagaContext, type SagaStep } from "./saga";
import { PermanentStepError } from "./step-driver";

// Steps every saga shares: the reservation, the approval, waiting for a DO action, and the bookkeeping after DO is done.

/** The DO id of the droplet the saga works on: the request's (resize, delete), or the one its create step made. */
export function dropletIdOf(ctx: SagaContext): string | null {
  const created = outputOf(ctx, "create-droplet")?.droplet_id;
  return created !== undefined && created !== null ? String(created) : ctx.request.providerId;
}

export const reserveStep: SagaStep = {
  name: "reserve",
  run: async ({ deps, request }) => {
    const held = await deps.db
      .select({ kind: provisioningReservations.resourceKind, quantity: provisioningReservations.quantity, status: provisioningReservations.status })
      .from(provisioningReservations)
      .where(eq(provisioningReservations.requestId, request.id));
    return { reservations: held.map((r) => ({ resource_kind: r.kind, quantity: Number(r.quantity), status: r.status })) };
  },
};

export const approvalStep: SagaStep = {
  name: "approval",
  when: (ctx) => ctx.request.needsApproval,
  skipReason: "below the approval threshold",
  approval: true,
};

/** Waits for the DO action the step `startedBy` started (its output's `action_id`): errored is a permanent failure. */
export function waitForAction(name: string, startedBy: string, when?: (ctx: SagaContext) => boolean): SagaStep {
  return {
    name,
    when: (ctx) => (when ? when(ctx) : true) && outputOf(ctx, startedBy)?.skipped === undefined,
    skipReason: `${startedBy} did nothing`,
    poll: async (ctx) => {
      const started = outputOf(ctx, startedBy);
      if (started?.dry_run) return { done: true, output: { dry_run: true } };
      const actionId = started?.action_id;
      // DO's actions take seconds at the least: the first look, right after DO took the request, would only find it
      // in progress, so it waits a poll interval instead of spending a call of DO's rate budget.
      if (ctx.attempt === 1 && typeof actionId === "number") return { done: false };
      if (typeof actionId !== "number") {
        // A create found again after a restart has no action id: the droplet's own status says when it is up.
        const droplet = await ctx.client().getDroplet(dropletIdOf(ctx) ?? "");
        if (!droplet) throw new PermanentStepError(`droplet ${dropletIdOf(ctx)} is gone from DO`);
        return droplet.status === "new" ? { done: false } : { done: true, output: { droplet_status: droplet.status } };
      }
      const action = await ctx.client().getAction(actionId);
      if (action.status === "errored") throw new PermanentStepError(`DO's ${action.type} action ${action.id} errored`);
      if (action.status !== "completed") return { done: false };
      return { done: true, output: { action_id: action.id, type: action.type, status: action.status, completed_at: action.completed_at ?? null } };
    },
  };
}

export const refreshInventoryStep: SagaStep = {
  name: "refresh-inventory",
  run: async (ctx) => {
    const providerId = dropletIdOf(ctx);
    if (ctx.request.isDryRun || !providerId) return { dry_run: true };
    const resourceId =
      ctx.request.action === "delete_droplet" ? await tombstoneResource(ctx.deps.db, "droplet", providerId) : await refreshDroplet(ctx.deps.db, ctx.client(), providerId);
    if (resourceId) {
      await ctx.deps.db.update(provisioningRequests).set({ resourceId, updatedAt: sql`now()` }).where(eq(provisioningRequests.id, ctx.request.id));
    }
    return { resource_id: resourceId };
  },
};

/** `record_provisioned`: the desired spec (`spec_version` bumped), by who asked, so drift detection knows it. */
export function recordProvisionedStep(specOf: (ctx: SagaContext, current: Spec | null) => Spec): SagaStep {
  return {
    name: "record-provisioned",
    run: async (ctx) => {
      const resourceId = outputOf(ctx, "refresh-inventory")?.resource_id;
      if (ctx.request.isDryRun || typeof resourceId !== "string") return { dry_run: ctx.request.isDryRun, spec_version: null };
      const current = await getProvisioned(ctx.deps.db, resourceId);
      const record = await recordProvisioned(ctx.deps.db, resourceId, specOf(ctx, current?.spec ?? null), ctx.request.requestedBy);
      return { resource_id: resourceId, spec_version: record.spec_version };
    },
  };
}

/** Re-meters the tenant's month now that the inventory has the change, and lets go of what the request held. */
export const meterUsageStep: SagaStep = {
  name: "meter-usage",
  run: async (ctx) => {
    if (ctx.request.isDryRun) return { dry_run: true };
    const period = toPeriod(ctx.deps.now?.() ?? new Date());
    // Not the margin's announcements: they compute the whole account's report, per request; the metering job makes them.
    const result = await meterUsage(ctx.deps.db, period, ctx.deps.config.tagPrefix, { tenants: [ctx.request.tenantId], announce: false });
    await settleReservations(ctx.deps.db, ctx.request.id, "consumed");
    return { period, records: result.records };
  },
};

/** Deletes every droplet this request created (found by its tag, and the one its create step named). */
export const deleteCreatedStep: SagaStep = {
  name: "compensate-delete-droplets",
  run: async (ctx) => {
    if (ctx.request.isDryRun) return { undid: false, dry_run: true };
    const client = ctx.client();
    const ids = new Set((await client.listDropletsByTag(ctx.requestTag)).map((d) => String(d.id)));
    const named = outputOf(ctx, "create-droplet")?.droplet_id;
    if (named !== undefined && named !== null) ids.add(String(named));
    const deleted: string[] = [];
    for (const id of ids) {
      if (await client.deleteDroplet(id)) deleted.push(id);
      await tombstoneResource(ctx.deps.db, "droplet", id);
    }
    return { undid: deleted.length > 0, deleted };
  },
};
