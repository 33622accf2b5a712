import "server-only";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { cloudResourceEvents, cloudResources, type ResourceEventType, usageRecords } from "@/db/schema";
import { addMonths, monthStart } from "./month";
import { type MeteredResource, meteredKinds, resourceUsage, round6 } from "./resource-usage";

const ID_CHUNK = 2_000;
const INSERT_CHUNK = 1_000;

export interface MeterResult {
  period: string;
  resources: number;
  tenants: number;
  records: number;
}

/** The tenant a resource belongs to: the first `tenant:<id>` tag, in tag order (the sync stores tags sorted). */
export function tenantOf(tags: readonly string[], prefix: string): string | null {
  const tag = tags.find((t) => t.startsWith(prefix) && t.length > prefix.length);
  return tag ? tag.slice(prefix.length) : null;
}

/**
 * Turns the inventory into usage for the month: every resource tagged `<prefix><tenant>` that may have existed in
 * the month, its event log replayed for when it existed and at what size, summed per tenant and kind. The month's
 * meter rows are replaced in one transaction (the client key `meter:<month>:<tenant>:<kind>` keeps one row each), so
 * re-running is harmless and a resource deleted from the tags stops counting.
 */
export async function meterUsage(db: DbOrTx, period: string, prefix: string): Promise<MeterResult> {
  const from = monthStart(period);
  const to = monthStart(addMonths(period, 1));
  const kinds = Object.keys(meteredKinds);
  const resources = await db
    .select({
      id: cloudResources.id,
      kind: cloudResources.kind,
      tags: cloudResources.tags,
      sizeSlug: cloudResources.sizeSlug,
      attrs: cloudResources.attrs,
      providerCreatedAt: cloudResources.providerCreatedAt,
      firstSeenAt: cloudResources.firstSeenAt,
      deletedAt: cloudResources.deletedAt,
    })
    .from(cloudResources)
    .where(
      and(
        inArray(cloudResources.kind, kinds as never[]),
        sql`exists (select 1 from unnest(${cloudResources.tags}) as t(tag) where left(t.tag, length(${prefix})) = ${prefix})`,
        sql`least(${cloudResources.providerCreatedAt}, ${cloudResources.firstSeenAt}) < ${to.toISOString()}`,
        // Deleted before the month began: gone for good unless restored, which clears deleted_at.
        sql`(${cloudResources.deletedAt} is null or ${cloudResources.deletedAt} >= ${from.toISOString()})`,
      ),
    );

  const events = new Map<string, MeteredResource["events"]>();
  for (let i = 0; i < resources.length; i += ID_CHUNK) {
    const ids = resources.slice(i, i + ID_CHUNK).map((r) => r.id);
    const rows = await db
      .select({ resourceId: cloudResourceEvents.resourceId, type: cloudResourceEvents.type, at: cloudResourceEvents.at, payload: cloudResourceEvents.payload })
      .from(cloudResourceEvents)
      .where(
        and(
          inArray(cloudResourceEvents.resourceId, ids),
          inArray(cloudResourceEvents.type, ["created", "updated", "deleted", "restored"] satisfies ResourceEventType[]),
          lt(cloudResourceEvents.at, to),
        ),
      )
      .orderBy(asc(cloudResourceEvents.at), asc(cloudResourceEvents.id));
    for (const row of rows) {
      const list = events.get(row.resourceId) ?? [];
      list.push({ type: row.type, at: row.at, payload: row.payload });
      events.set(row.resourceId, list);
    }
  }

  const totals = new Map<string, Map<CatalogResourceKind, number>>();
  for (const r of resources) {
    const tenant = tenantOf(r.tags, prefix);
    if (!tenant) continue;
    const usage = resourceUsage({ ...r, events: events.get(r.id) ?? [] }, period);
    if (!usage || usage.quantity <= 0) continue;
    const perKind = totals.get(tenant) ?? new Map<CatalogResourceKind, number>();
    perKind.set(usage.kind, (perKind.get(usage.kind) ?? 0) + usage.quantity);
    totals.set(tenant, perKind);
  }

  const rows = [...totals].flatMap(([tenantId, perKind]) =>
    [...perKind].map(([kind, quantity]) => ({
      clientKey: `meter:${period.slice(0, 7)}:${tenantId}:${kind}`,
      tenantId,
      resourceKind: kind,
      period,
      quantity: round6(quantity).toFixed(6),
      source: "meter" as const,
    })),
  );
  await db.transaction(async (tx) => {
    await tx.delete(usageRecords).where(and(eq(usageRecords.source, "meter"), eq(usageRecords.period, period)));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(usageRecords).values(rows.slice(i, i + INSERT_CHUNK));
  });
  return { period, resources: resources.length, tenants: totals.size, records: rows.length };
}
