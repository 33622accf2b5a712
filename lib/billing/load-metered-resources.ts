import "server-only";
import { and, asc, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResourceEvents, cloudResources, type ResourceEventType, type ResourceKind } from "@/db/schema";
import { addMonths, monthStart } from "./month";
import type { MeteredResource } from "./resource-usage";

const ID_CHUNK = 2_000;

export type LoadedResource = MeteredResource & { id: string; providerId: string; tags: string[] };

/** The first `tenant:<id>` tag, in tag order (the sync stores tags sorted): the tenant a resource belongs to. */
export function tenantOf(tags: readonly string[], prefix: string): string | null {
  const tag = tags.find((t) => t.startsWith(prefix) && t.length > prefix.length);
  return tag ? tag.slice(prefix.length) : null;
}

/**
 * Every resource of `kinds` tagged `<prefix><tenant>` (one of `tenants`, when given) that may have existed in the
 * month, with its event log up to the month's end, for replaying when it existed and at what size.
 */
export async function loadMeteredResources(
  db: DbOrTx,
  period: string,
  prefix: string,
  opts: { kinds: readonly ResourceKind[]; tenants?: readonly string[] },
): Promise<LoadedResource[]> {
  const from = monthStart(period);
  const to = monthStart(addMonths(period, 1));
  const tenantTags = opts.tenants?.map((t) => `${prefix}${t}`);
  const resources = await db
    .select({
      id: cloudResources.id,
      providerId: cloudResources.providerId,
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
        inArray(cloudResources.kind, [...opts.kinds]),
        tenantTags
          ? sql`${cloudResources.tags} && array(select jsonb_array_elements_text(${JSON.stringify(tenantTags)}::jsonb))`
          : sql`exists (select 1 from unnest(${cloudResources.tags}) as t(tag) where left(t.tag, length(${prefix})) = ${prefix})`,
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
  return resources.map((r) => ({ ...r, events: events.get(r.id) ?? [] }));
}
