import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { jsonArrayText } from "@/db/json";
import { rowsOf } from "@/db/rows";
import { type CloudResource, cloudResourceEvents, cloudResources, type ResourceKind } from "@/db/schema";
import { contentHash } from "./content-hash";
import { type NormalizedResource, readingAttrs } from "./normalize";
import { changedKeys, stableEqual } from "./stable-equal";

export interface BatchCounts {
  created: number;
  updated: number;
  restored: number;
}

export type ProjectRef = { id: string; name: string };
/** Project membership by resource URN, when this sync fetched it; otherwise each resource keeps what it had. */
export type ProjectMap = Map<string, ProjectRef>;

const columns = ["name", "region", "sizeSlug", "status", "tags", "monthlyPriceCents", "providerCreatedAt"] as const;
const columnNames: Record<(typeof columns)[number], string> = {
  name: "name",
  region: "region",
  sizeSlug: "size_slug",
  status: "status",
  tags: "tags",
  monthlyPriceCents: "monthly_price_cents",
  providerCreatedAt: "provider_created_at",
};

type Change = { old: unknown; new: unknown };
const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Field-by-field changes, old → new, as the `updated` event records them (readings left out). Empty when nothing changed. */
export function diffResource(prev: CloudResource, item: NormalizedResource, attrs: Record<string, unknown>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const c of columns) {
    if (!stableEqual(plain(prev[c]), plain(item[c]))) changes[columnNames[c]] = { old: plain(prev[c]), new: plain(item[c]) };
  }
  for (const k of changedKeys(prev.attrs, attrs)) {
    if (!readingAttrs.has(k)) changes[`attrs.${k}`] = { old: prev.attrs[k] ?? null, new: attrs[k] ?? null };
  }
  return changes;
}

/** A batch's rows as JSON texts, each as it was hashed: its columns and, apart, its attrs (most of its bytes). */
interface BatchRow {
  columns: string;
  attrs: string;
  hash: string;
  /** The row being updated; absent for an insert. */
  id?: string;
}

/**
 * The batch as rows for INSERT/UPDATE ... SELECT: one jsonb array parameter (one parameter, not thousands). Each
 * element is the columns object with the hash, the id and `"attrs": <attrs text>` spliced in before its closing
 * brace: the texts that were hashed are sent as they are, never serialised again.
 */
function batchRows(rows: BatchRow[]) {
  const elements = rows.map(
    (r) => `${r.columns.slice(0, -1)},"content_hash":"${r.hash}",${r.id ? `"id":"${r.id}",` : ""}"attrs":${r.attrs}}`,
  );
  return sql`jsonb_to_recordset(${jsonArrayText(elements)}::jsonb) as v(kind text, provider_id text, name text,
    region text, size_slug text, status text, tags text[], monthly_price_cents bigint, provider_created_at timestamptz,
    content_hash text, id uuid, attrs jsonb)`;
}

/** The row's columns as JSON, as they are hashed and sent. */
function columnsJson(item: NormalizedResource): string {
  return JSON.stringify({
    kind: item.kind,
    provider_id: item.providerId,
    name: item.name,
    region: item.region,
    size_slug: item.sizeSlug,
    status: item.status,
    tags: item.tags,
    monthly_price_cents: item.monthlyPriceCents,
    provider_created_at: item.providerCreatedAt?.toISOString() ?? null,
  });
}

/**
 * Upserts one batch of one kind in a transaction, set-based. A narrow SELECT (id, content hash, tombstone; the project
 * too, when this sync did not list projects and each resource keeps its own) finds what changed; unchanged resources
 * are not read further nor written. New rows and their `created` events go in one statement; changed rows are read in
 * full (for the old → new event), then updated in one statement.
 * Concurrent syncs are safe: inserts skip rows another sync created first, and the UPDATE only touches rows that
 * still differ, so each change is recorded once.
 */
export async function applyBatch(db: DbOrTx, kind: ResourceKind, items: NormalizedResource[], projects?: ProjectMap): Promise<BatchCounts> {
  if (items.length === 0) return { created: 0, updated: 0, restored: 0 };
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({
        id: cloudResources.id,
        providerId: cloudResources.providerId,
        contentHash: cloudResources.contentHash,
        deletedAt: cloudResources.deletedAt,
        // Reading attrs means detoasting every row: only when the project cannot come from this sync's listing.
        project: projects ? sql<null>`null` : sql<ProjectRef | null>`${cloudResources.attrs}->'project'`,
      })
      .from(cloudResources)
      // One JSON parameter rather than a thousand bind parameters.
      .where(
        and(
          eq(cloudResources.kind, kind),
          sql`${cloudResources.providerId} in (select jsonb_array_elements_text(${JSON.stringify(items.map((i) => i.providerId))}::jsonb))`,
        ),
      );
    const byProviderId = new Map(existing.map((r) => [r.providerId, r]));

    const inserts: BatchRow[] = [];
    const changed: (BatchRow & { id: string; item: NormalizedResource; attrsObject: Record<string, unknown>; restoring: boolean })[] = [];
    for (const item of items) {
      const prev = byProviderId.get(item.providerId);
      const project = projects ? (projects.get(item.urn) ?? null) : (prev?.project ?? null);
      const attrsObject = { ...item.attrs, project };
      // Columns and attrs are serialised once: the same texts are hashed and sent.
      const [columns, attrs] = [columnsJson(item), JSON.stringify(attrsObject)];
      const hash = contentHash(columns, attrs);
      if (!prev) inserts.push({ columns, attrs, hash });
      else if (prev.deletedAt !== null || prev.contentHash !== hash) {
        changed.push({ columns, attrs, hash, id: prev.id, item, attrsObject, restoring: prev.deletedAt !== null });
      }
    }

    let created = 0;
    if (inserts.length) {
      const result = await tx.execute(sql`
        with inserted as (
          insert into cloud_resources (kind, provider_id, name, region, size_slug, status, tags, monthly_price_cents, provider_created_at, attrs, content_hash)
          select v.kind, v.provider_id, v.name, v.region, v.size_slug, v.status, coalesce(v.tags, '{}'), v.monthly_price_cents,
                 v.provider_created_at, v.attrs, v.content_hash
          from ${batchRows(inserts)}
          on conflict (kind, provider_id) do nothing
          returning id, name, region, size_slug, status)
        insert into cloud_resource_events (resource_id, type, payload)
        select id, 'created', jsonb_build_object('name', name, 'region', region, 'size_slug', size_slug, 'status', status) from inserted
        returning id`);
      created = rowsOf(result).length;
    }

    let updated = 0;
    let restored = 0;
    if (changed.length) {
      const previous = new Map(
        (await tx.select().from(cloudResources).where(inArray(cloudResources.id, changed.map((c) => c.id)))).map((r) => [r.id, r]),
      );
      const result = await tx.execute(sql`
        update cloud_resources r set
          name = v.name, region = v.region, size_slug = v.size_slug, status = v.status, tags = coalesce(v.tags, '{}'),
          monthly_price_cents = v.monthly_price_cents, provider_created_at = v.provider_created_at, attrs = v.attrs,
          content_hash = v.content_hash, deleted_at = null, last_seen_at = now(), updated_at = now()
        from ${batchRows(changed)}
        where r.id = v.id and (r.deleted_at is not null or r.content_hash is distinct from v.content_hash)
        returning r.id`);
      const written = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
      const events: (typeof cloudResourceEvents.$inferInsert)[] = [];
      for (const c of changed) {
        const prev = previous.get(c.id);
        if (!written.has(c.id) || !prev) continue;
        const changes = diffResource(prev, c.item, c.attrsObject);
        if (c.restoring) restored++;
        else if (Object.keys(changes).length) updated++;
        else continue; // only readings or the stored hash changed (e.g. a row written before hashes existed)
        events.push({ resourceId: c.id, type: c.restoring ? "restored" : "updated", payload: { changes } });
      }
      if (events.length) await tx.insert(cloudResourceEvents).values(events);
    }
    await recordReadings(tx, kind, items);
    return { created, updated, restored };
  });
}

/** Today's (UTC) sample of each reading the batch's items carry, by provider id; a later sync the same day overwrites it. */
async function recordReadings(tx: DbOrTx, kind: ResourceKind, items: NormalizedResource[]): Promise<void> {
  const readings = items.flatMap((i) => Object.entries(i.readings ?? {}).map(([metric, value]) => ({ provider_id: i.providerId, metric, value: Math.round(value) })));
  if (!readings.length) return;
  await tx.execute(sql`
    insert into resource_usage_samples (resource_id, metric, day, value)
    select r.id, v.metric, (now() at time zone 'UTC')::date, v.value
    from jsonb_to_recordset(${JSON.stringify(readings)}::jsonb) as v(provider_id text, metric text, value bigint)
    join cloud_resources r on r.kind = ${kind} and r.provider_id = v.provider_id
    on conflict (resource_id, metric, day) do update set value = excluded.value, sampled_at = now()`);
}

/**
 * Tombstones every live resource of `kind` that the complete listing did not contain. Called only after the whole
 * listing succeeded: a failed page must never make live resources look deleted.
 */
export async function tombstoneMissing(db: DbOrTx, kind: ResourceKind, seenProviderIds: string[]): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with gone as (
        update cloud_resources set deleted_at = now(), updated_at = now()
        where kind = ${kind} and deleted_at is null
          and provider_id not in (select jsonb_array_elements_text(${JSON.stringify(seenProviderIds)}::jsonb))
        returning id, name)
      insert into cloud_resource_events (resource_id, type, payload)
      select id, 'deleted', jsonb_build_object('name', name) from gone
      returning id`);
    return rowsOf(result).length;
  });
}
