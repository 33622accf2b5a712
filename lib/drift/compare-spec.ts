import { looseEqual } from "./loose-equal";
import { resolveField } from "./resolve-field";
import { existsField } from "./schemas";

export interface FieldMismatch {
  field: string;
  /** JSON-safe: what the spec wants (null when the spec holds null). */
  expected: unknown;
  /** JSON-safe: what the resource has (null when it has nothing at that path). */
  actual: unknown;
}

/** A resource row as the sweep reads it: its columns (camelCase or snake_case) and `attrs`. */
export type ResourceRow = Readonly<Record<string, unknown>>;

/**
 * Every field where the live resource disagrees with its desired spec. A tombstoned resource yields one mismatch on
 * `exists` instead of one per field: once it is gone, its old column values say nothing about what DO has. A spec
 * with `exists: false` wants the resource gone, so a live one drifts on `exists` alone.
 */
export function compareSpec(spec: Readonly<Record<string, unknown>>, resource: ResourceRow): FieldMismatch[] {
  const wantsExisting = spec[existsField] ?? true;
  const isLive = (resource.deletedAt ?? resource.deleted_at ?? null) === null;
  if (!looseEqual(wantsExisting, isLive)) return [{ field: existsField, expected: wantsExisting, actual: isLive }];
  if (!isLive) return [];

  const mismatches: FieldMismatch[] = [];
  for (const [field, expected] of Object.entries(spec)) {
    if (field === existsField) continue;
    const actual = resolveField(resource, field);
    if (!looseEqual(expected, actual)) mismatches.push({ field, expected: toJsonValue(expected), actual: toJsonValue(actual) });
  }
  return mismatches;
}

/** Columns can hold Dates and bigints; drift rows store jsonb, so they are written the way JSON would carry them. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}
