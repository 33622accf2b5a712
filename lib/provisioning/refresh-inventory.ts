import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { cloudResources } from "@/db/schema";
import type { ResourceKind } from "@/db/schema";
import type { DoClient } from "@/lib/digitalocean/client";
import { applyBatch } from "@/lib/inventory/sync/apply-batch";
import { normalize } from "@/lib/inventory/sync/normalize";

/**
 * Brings one droplet's inventory row up to date from DO right away, as the sync would (the same normalisation and
 * upsert, so its `created`/`updated` events are the ones the meter replays), instead of waiting for the next sync.
 * Returns its inventory id, or null when DO no longer has it (then the row, if any, is tombstoned).
 */
export async function refreshDroplet(db: DbOrTx, client: DoClient, providerId: string): Promise<string | null> {
  const droplet = await client.getDroplet(providerId);
  if (!droplet) {
    await tombstoneResource(db, "droplet", providerId);
    return null;
  }
  await applyBatch(db, "droplet", [normalize.droplet(droplet)]);
  return resourceIdOf(db, "droplet", providerId);
}

/** The same for the volume a create made with its droplet (found by its name in the region). */
export async function refreshVolume(db: DbOrTx, client: DoClient, name: string, region: string): Promise<string | null> {
  const volume = await client.findVolume(name, region);
  if (!volume) return null;
  await applyBatch(db, "volume", [normalize.volume(volume)]);
  return resourceIdOf(db, "volume", volume.id);
}

async function resourceIdOf(db: DbOrTx, kind: ResourceKind, providerId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: cloudResources.id })
    .from(cloudResources)
    .where(and(eq(cloudResources.kind, kind), eq(cloudResources.providerId, providerId)));
  return row?.id ?? null;
}

/** Tombstones the resource's row with its `deleted` event, as a sync that no longer sees it would; null without a row. */
export async function tombstoneResource(db: DbOrTx, kind: ResourceKind, providerId: string): Promise<string | null> {
  const result = await db.execute(sql`
    with gone as (
      update cloud_resources set deleted_at = now(), updated_at = now()
      where kind = ${kind} and provider_id = ${providerId} and deleted_at is null
      returning id, name),
    logged as (insert into cloud_resource_events (resource_id, type, payload) select id, 'deleted', jsonb_build_object('name', name) from gone)
    select id from gone
    union all
    select id from cloud_resources where kind = ${kind} and provider_id = ${providerId} and not exists (select 1 from gone)`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}
