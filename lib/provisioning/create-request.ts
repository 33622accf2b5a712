import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { provisioningIdempotencyKeys, provisioningRequests, provisioningReservations } from "@/db/schema";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { ApiError } from "@/lib/http/errors";
import { recordEvent } from "@/lib/notifications/record-event";
import { checkEntitlements } from "./check-entitlements";
import type { ProvisioningDeps } from "./config";
import { getRequestOrThrow } from "./get-request";
import { listSizesCached, planRequest } from "./plan-request";
import type { CreateRequestBody, ProvisioningRequestItem } from "./schemas";
import { requestedEvent } from "./requested-event";

/** How long an Idempotency-Key answers for its request (Stripe keeps them at least 24 hours). */
export const idempotencyKeyTtlMs = 24 * 3_600_000;

/** The body as canonical JSON (keys sorted), hashed: the same request sent with its keys in another order matches. */
export function hashBody(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash("sha256").update(JSON.stringify(canonical(body))).digest("hex");
}

/** The request the key names, while the key lasts; a 409 when the key came with another body. */
async function replayOf(db: DbOrTx, key: string, bodyHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select()
    .from(provisioningIdempotencyKeys)
    .where(and(eq(provisioningIdempotencyKeys.key, key), gt(provisioningIdempotencyKeys.expiresAt, now)));
  if (!row) return null;
  if (row.bodyHash !== bodyHash) {
    throw new ApiError("conflict", "This Idempotency-Key was used with another body: send a new key for a new request", { request_id: row.requestId });
  }
  return row.requestId;
}

/** Serialises what must not interleave: one key, one tenant's allowances. Transaction-scoped, so a crash frees them. */
async function lock(tx: DbOrTx, what: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${what}, 0))`);
}

export interface CreateRequestInput {
  body: CreateRequestBody;
  idempotencyKey: string;
  requestedBy: string;
}

/**
 * Accepts a provisioning request, Stripe-style idempotent: the same key and body answer the request the first call
 * made (`isReplay`), another body is a 409; concurrent duplicates wait on the key's lock, so one request is made. The
 * request is checked against DO's sizes and the inventory, then, in one transaction under the tenant's lock, against
 * the tenant's plan (entitlement_exceeded), and stored with the usage it reserves, whether it needs approval, and its
 * `provisioning.requested` event. Nothing reaches DO here; the caller starts the saga.
 */
export async function createProvisioningRequest(deps: ProvisioningDeps, input: CreateRequestInput): Promise<{ item: ProvisioningRequestItem; isReplay: boolean }> {
  const { db, config } = deps;
  const now = deps.now?.() ?? new Date();
  const bodyHash = hashBody(input.body);
  const earlier = await replayOf(db, input.idempotencyKey, bodyHash, now);
  if (earlier) return { item: await getRequestOrThrow(db, earlier), isReplay: true };
  if (!config.isEnabled && !config.isDryRun) {
    throw new ApiError("conflict", "Provisioning is disabled: set PROVISIONING_ENABLED (or PROVISIONING_DRY_RUN=1) to accept requests");
  }

  const plan = await planRequest(db, input.body, {
    sizes: () => listSizesCached(deps.doClient(), "provisioning-sizes"),
    tagPrefix: config.tagPrefix,
    now,
  });
  const needsApproval = plan.monthlyCogsCents > config.approvalThresholdCents;
  const { body } = input;

  const outcome = await db.transaction(async (tx) => {
    await lock(tx, `provisioning-key:${input.idempotencyKey}`);
    await lock(tx, `provisioning-tenant:${body.tenant_id}`);
    // A duplicate that got here first has committed by now: answer its request.
    const raced = await replayOf(tx, input.idempotencyKey, bodyHash, now);
    if (raced) return { id: raced, isReplay: true };
    if (body.action !== "delete_droplet") await checkEntitlements(tx, body.tenant_id, plan, now);

    const [row] = await tx
      .insert(provisioningRequests)
      .values({
        tenantId: body.tenant_id,
        action: body.action,
        params: body.params,
        status: needsApproval ? "awaiting_approval" : "queued",
        requestedBy: input.requestedBy,
        isDryRun: !config.isEnabled || config.isDryRun,
        monthlyCogsCents: plan.monthlyCogsCents,
        needsApproval,
        providerId: plan.target?.providerId ?? null,
        resourceId: plan.target?.resourceId ?? null,
      })
      .returning();
    const request = row!;
    const reservations = (Object.entries(plan.adds) as [CatalogResourceKind, number][]).filter(([, qty]) => qty > 0);
    if (reservations.length) {
      await tx.insert(provisioningReservations).values(
        reservations.map(([kind, qty]) => ({ requestId: request.id, tenantId: body.tenant_id, period: plan.period, resourceKind: kind, quantity: qty.toFixed(6) })),
      );
    }
    // Keys past their 24 h are let go as new ones arrive: a few at a time, through the index on expires_at.
    await tx.execute(sql`delete from provisioning_idempotency_keys where key in (
      select key from provisioning_idempotency_keys where expires_at < ${now.toISOString()}::timestamptz limit 100)`);
    await tx
      .insert(provisioningIdempotencyKeys)
      .values({ key: input.idempotencyKey, bodyHash, requestId: request.id, createdAt: now, expiresAt: new Date(now.getTime() + idempotencyKeyTtlMs) })
      .onConflictDoUpdate({
        target: provisioningIdempotencyKeys.key,
        set: { bodyHash, requestId: request.id, createdAt: now, expiresAt: new Date(now.getTime() + idempotencyKeyTtlMs) },
        setWhere: lt(provisioningIdempotencyKeys.expiresAt, now),
      });
    await recordEvent(tx, requestedEvent(request, needsApproval ? "awaiting_approval" : "queued"));
    return { id: request.id, isReplay: false };
  });
  return { item: await getRequestOrThrow(db, outcome.id), isReplay: outcome.isReplay };
}
