import "server-only";
import { and, asc, count, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import { cloudDrift, cloudProvisioned, cloudResources, type ResourceKind } from "@/db/schema";
import { recordEvents } from "@/lib/notifications/record-event";
import { type DriftEventRow, driftDetectedEvent, driftResolvedEvent } from "./drift-events";
import { type ChangedDrift, type NewDrift, type OpenDrift, planDriftChanges } from "./plan-drift-changes";

/** Who closes drift as stale: the sweep itself. */
export const sweepActor = "detect-drift";

export interface DetectSummary {
  resources: number;
  fields: number;
  opened: number;
  updated: number;
  closed: number;
  /** Open drift after the sweep. */
  open: number;
  /** Write statements executed; zero when nothing changed since the last sweep. */
  writes: number;
}

export interface DetectOptions {
  /** Specs per read; each batch is one read of specs + resources, one of open drift, and at most three writes. */
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/**
 * The drift sweep: compares every provisioned spec with its live resource and records the difference. Set-based so
 * it scales to tens of thousands of resources: specs are read joined to their resources in keyset batches, compared
 * in memory with loose equality, and each batch's changes are written with one statement per kind of change.
 */
export async function detectAll(db: Db, opts: DetectOptions = {}): Promise<DetectSummary> {
  const batchSize = opts.batchSize ?? 5000;
  const now = opts.now ?? new Date();
  const [totalRow] = await db.select({ n: count() }).from(cloudProvisioned);
  const total = totalRow?.n ?? 0;
  const summary: DetectSummary = { resources: 0, fields: 0, opened: 0, updated: 0, closed: 0, open: 0, writes: 0 };

  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({
        resourceId: cloudProvisioned.resourceId,
        spec: cloudProvisioned.spec,
        specVersion: cloudProvisioned.specVersion,
        resource: cloudResources,
      })
      .from(cloudProvisioned)
      .innerJoin(cloudResources, eq(cloudResources.id, cloudProvisioned.resourceId))
      .where(after ? gt(cloudProvisioned.resourceId, after) : undefined)
      .orderBy(asc(cloudProvisioned.resourceId))
      .limit(batchSize);
    const isLastBatch = rows.length < batchSize;
    const last = isLastBatch ? undefined : rows.at(-1)?.resourceId;
    // Every open drift in (after, last]: the ranges tile the id space, so a drift whose spec is gone closes too.
    const openDrifts: OpenDrift[] = await db
      .select({
        id: cloudDrift.id,
        resourceId: cloudDrift.resourceId,
        field: cloudDrift.field,
        expected: cloudDrift.expected,
        actual: cloudDrift.actual,
      })
      .from(cloudDrift)
      .where(
        and(
          eq(cloudDrift.status, "open"),
          after ? gt(cloudDrift.resourceId, after) : undefined,
          last ? lte(cloudDrift.resourceId, last) : undefined,
        ),
      );

    const changes = planDriftChanges(rows, openDrifts);
    summary.resources += rows.length;
    summary.fields += changes.fieldsChecked;
    if (changes.toOpen.length) {
      summary.opened += await openDrift(db, changes.toOpen, now);
      summary.writes++;
    }
    if (changes.toUpdate.length) {
      summary.updated += await updateDrift(db, changes.toUpdate);
      summary.writes++;
    }
    if (changes.toClose.length) {
      summary.closed += await closeStale(db, changes.toClose, now);
      summary.writes++;
    }
    await opts.onProgress?.(summary.resources, Math.max(total, summary.resources));
    if (isLastBatch) break;
    after = last;
  }

  const [openRow] = await db.select({ n: count() }).from(cloudDrift).where(eq(cloudDrift.status, "open"));
  summary.open = openRow?.n ?? 0;
  return summary;
}

/**
 * Inserts new open drift and a drift_detected event for each, in one statement. ON CONFLICT against the partial
 * unique index lets a concurrent sweep that got there first win without an error, and only rows actually inserted
 * get an event, in the resource's log and in the notification outbox (same transaction): drift already open is
 * never announced again. The spec row is read FOR SHARE at the version the comparison used: if a drift was accepted
 * (spec bumped) since this batch was read, the stale mismatch is not re-opened.
 */
async function openDrift(db: Db, drifts: NewDrift[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with inserted as (
        insert into cloud_drift (resource_id, field, expected, actual, spec_version, detected_at)
        select x.resource_id, x.field, x.expected, x.actual, x.spec_version, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(drifts)}::jsonb)
          as x(resource_id uuid, field text, expected jsonb, actual jsonb, spec_version integer)
        join cloud_provisioned p on p.resource_id = x.resource_id and p.spec_version = x.spec_version
        order by x.resource_id, x.field collate "C"
        for share of p
        on conflict (resource_id, field) where status = 'open' do nothing
        returning id, resource_id, field, expected, actual, spec_version
      ), logged as (
        insert into cloud_resource_events (resource_id, type, payload, at)
        select resource_id, 'drift_detected',
          jsonb_build_object('drift_id', id, 'field', field, 'expected', expected, 'actual', actual, 'spec_version', spec_version),
          ${now.toISOString()}::timestamptz
        from inserted
      )
      select i.id, i.field, i.expected, i.actual, i.spec_version, r.id as resource_id, r.name, r.kind, r.region
      from inserted i join cloud_resources r on r.id = i.resource_id`);
    const opened = rowsOf<DriftRow & { spec_version: number }>(result).map((d) => ({ ...toEventRow(d), specVersion: d.spec_version }));
    await recordEvents(tx, opened.map((d) => driftDetectedEvent(d, now)));
    return opened.length;
  });
}

interface DriftRow {
  id: string;
  field: string;
  expected: unknown;
  actual: unknown;
  resource_id: string;
  name: string;
  kind: ResourceKind;
  region: string | null;
}

const toEventRow = (d: DriftRow): DriftEventRow => ({
  id: d.id,
  field: d.field,
  expected: d.expected,
  actual: d.actual,
  resource: { id: d.resource_id, name: d.name, kind: d.kind, region: d.region },
});

/** Moves still-open drift to the spec's and the resource's current values. Rows are locked in id order, as accepting does. */
async function updateDrift(db: Db, drifts: ChangedDrift[]): Promise<number> {
  const result = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(drifts)}::jsonb)
        as x(id uuid, expected jsonb, actual jsonb, spec_version integer)
    ), locked as (
      select d.id from cloud_drift d where d.id in (select id from input) and d.status = 'open' order by d.id for update
    )
    update cloud_drift d
    set expected = i.expected, actual = i.actual, spec_version = i.spec_version
    from input i, locked l
    where d.id = i.id and d.id = l.id and d.status = 'open'
    returning d.id`);
  return rowsOf(result).length;
}

/**
 * Closes drift whose field matches again, announcing each in the same transaction: `reverted` (by who asked) when a
 * revert_drift request that really ran at DO (succeeded, not a dry run) is linked to it, `stale` otherwise.
 */
async function closeStale(db: Db, ids: string[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with locked as (
        select d.id, p.requested_by as reverted_by from cloud_drift d
        left join provisioning_requests p on p.id = d.revert_request_id and p.status = 'succeeded' and not p.dry_run
        where d.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) and d.status = 'open'
        order by d.id
        for update of d
      ), closed as (
        update cloud_drift d
        set status = case when l.reverted_by is null then 'stale' else 'reverted' end,
          resolved_at = ${now.toISOString()}::timestamptz, resolved_by = coalesce(l.reverted_by, ${sweepActor})
        from locked l
        where d.id = l.id and d.status = 'open'
        returning d.id, d.field, d.expected, d.actual, d.resource_id, d.status, d.resolved_by
      )
      select c.id, c.field, c.expected, c.actual, c.status, c.resolved_by, r.id as resource_id, r.name, r.kind, r.region
      from closed c join cloud_resources r on r.id = c.resource_id`);
    const closed = rowsOf<DriftRow & { status: "stale" | "reverted"; resolved_by: string }>(result);
    await recordEvents(tx, closed.map((d) => driftResolvedEvent(toEventRow(d), d.status, d.resolved_by, now)));
    return closed.length;
  });
}
