import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type UsageRecord, usageRecords } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { decimalToScaled } from "@/lib/money/convert-cents";
import { periodLabel, toPeriod } from "./month";
import type { UsageBody, UsageItem } from "./schemas";

export function toUsageItem(row: UsageRecord): UsageItem {
  return {
    key: row.clientKey,
    tenant_id: row.tenantId,
    resource_kind: row.resourceKind,
    quantity: row.quantity,
    month: periodLabel(row.period),
    occurred_at: row.occurredAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/**
 * POST /api/v1/usage: usage we cannot see in the inventory (LLM tokens, bandwidth). Idempotent by the client's key:
 * a replay of the same record answers the stored one (`created: false`); the same key with different figures is a 409,
 * because silently keeping either would lose usage. Keys starting with `meter:` belong to the meter-usage job.
 */
export async function recordUsage(db: DbOrTx, body: UsageBody): Promise<{ item: UsageItem; created: boolean }> {
  if (body.key.startsWith("meter:")) throw new ApiError("invalid_request", "Keys starting with meter: are reserved for metered usage", [{ path: "key", code: "custom", message: "reserved prefix" }]);
  const occurredAt = new Date(body.occurred_at);
  const [inserted] = await db
    .insert(usageRecords)
    .values({
      clientKey: body.key,
      tenantId: body.tenant_id,
      resourceKind: body.resource_kind,
      period: toPeriod(occurredAt),
      quantity: body.quantity,
      source: "api",
      occurredAt,
    })
    .onConflictDoNothing({ target: usageRecords.clientKey })
    .returning();
  if (inserted) return { item: toUsageItem(inserted), created: true };
  const [existing] = await db.select().from(usageRecords).where(eq(usageRecords.clientKey, body.key));
  if (!existing) throw new Error(`usage record ${body.key} vanished after a conflict`);
  const isSame =
    existing.tenantId === body.tenant_id &&
    existing.resourceKind === body.resource_kind &&
    decimalToScaled(existing.quantity, 6) === decimalToScaled(body.quantity, 6) &&
    existing.occurredAt?.getTime() === occurredAt.getTime();
  if (!isSame) throw new ApiError("conflict", `Usage with key "${body.key}" was already recorded with other figures; use a new key for new usage`, toUsageItem(existing));
  return { item: toUsageItem(existing), created: false };
}
