import { compareSpec, type ResourceRow } from "./compare-spec";
import { looseEqual } from "./loose-equal";

export interface SweepRow {
  resourceId: string;
  spec: Readonly<Record<string, unknown>>;
  specVersion: number;
  resource: ResourceRow;
}

export interface OpenDrift {
  id: string;
  resourceId: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface NewDrift {
  resource_id: string;
  field: string;
  expected: unknown;
  actual: unknown;
  spec_version: number;
}

export interface ChangedDrift {
  id: string;
  expected: unknown;
  actual: unknown;
  spec_version: number;
}

export interface DriftChanges {
  /** Mismatches with no open drift yet. */
  toOpen: NewDrift[];
  /** Open drifts still mismatched, but the spec or the live value moved since they were recorded. */
  toUpdate: ChangedDrift[];
  /** Open drifts whose field matches again (or is no longer in the spec): they close as stale. */
  toClose: string[];
  fieldsChecked: number;
}

/**
 * What one batch of the sweep must write, decided in memory: `openDrifts` are every open drift in the batch's id
 * range, so one for a resource without a spec closes too. An unchanged world plans nothing, so a repeat sweep writes
 * nothing.
 */
export function planDriftChanges(rows: readonly SweepRow[], openDrifts: readonly OpenDrift[]): DriftChanges {
  const openByResource = new Map<string, Map<string, OpenDrift>>();
  for (const drift of openDrifts) {
    const byField = openByResource.get(drift.resourceId) ?? new Map<string, OpenDrift>();
    byField.set(drift.field, drift);
    openByResource.set(drift.resourceId, byField);
  }

  const changes: DriftChanges = { toOpen: [], toUpdate: [], toClose: [], fieldsChecked: 0 };
  for (const row of rows) {
    changes.fieldsChecked += Object.keys(row.spec).length;
    const open = openByResource.get(row.resourceId);
    openByResource.delete(row.resourceId);
    for (const mismatch of compareSpec(row.spec, row.resource)) {
      const existing = open?.get(mismatch.field);
      open?.delete(mismatch.field);
      if (!existing) {
        changes.toOpen.push({ resource_id: row.resourceId, ...mismatch, spec_version: row.specVersion });
      } else if (!looseEqual(existing.expected, mismatch.expected) || !looseEqual(existing.actual, mismatch.actual)) {
        changes.toUpdate.push({ id: existing.id, expected: mismatch.expected, actual: mismatch.actual, spec_version: row.specVersion });
      }
    }
    for (const stale of open?.values() ?? []) changes.toClose.push(stale.id);
  }
  for (const orphaned of openByResource.values()) {
    for (const stale of orphaned.values()) changes.toClose.push(stale.id);
  }
  // A stable order keeps concurrent sweeps taking row locks in the same order, so they queue instead of deadlocking.
  changes.toOpen.sort((a, b) => compareText(a.resource_id, b.resource_id) || compareText(a.field, b.field));
  changes.toUpdate.sort((a, b) => compareText(a.id, b.id));
  changes.toClose.sort(compareText);
  return changes;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
