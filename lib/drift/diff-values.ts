import { isRecord } from "./is-record";
import { isAbsent, looseEqual, unionKeys } from "./loose-equal";

export interface FieldChange {
  /** Dotted path below the compared value, e.g. "size.slug". */
  path: string;
  expected: unknown;
  actual: unknown;
}

export type ValueDiff =
  | { type: "equal" }
  /** `added`: live but not in the spec. `removed`: in the spec but not live. */
  | { type: "list"; added: unknown[]; removed: unknown[] }
  | { type: "object"; changes: FieldChange[] }
  | { type: "value"; expected: unknown; actual: unknown };

/** Explains how two values differ, with the same rules as looseEqual; nothing is "nothing" on either side. */
export function diffValues(expected: unknown, actual: unknown): ValueDiff {
  if (looseEqual(expected, actual)) return { type: "equal" };

  const isListDiff =
    (Array.isArray(expected) || isAbsent(expected)) && (Array.isArray(actual) || isAbsent(actual));
  if (isListDiff && (Array.isArray(expected) || Array.isArray(actual))) {
    const expectedItems = Array.isArray(expected) ? expected : [];
    const actualItems = Array.isArray(actual) ? actual : [];
    return {
      type: "list",
      added: uniqueLoosely(actualItems.filter((item) => !expectedItems.some((other) => looseEqual(other, item)))),
      removed: uniqueLoosely(expectedItems.filter((item) => !actualItems.some((other) => looseEqual(item, other)))),
    };
  }

  const isObjectDiff = (isRecord(expected) || isAbsent(expected)) && (isRecord(actual) || isAbsent(actual));
  if (isObjectDiff && (isRecord(expected) || isRecord(actual))) {
    return { type: "object", changes: collectChanges(asRecord(expected), asRecord(actual), "") };
  }
  return { type: "value", expected, actual };
}

function collectChanges(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  prefix: string,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of unionKeys(expected, actual).sort()) {
    const expectedValue = expected[key];
    const actualValue = actual[key];
    if (looseEqual(expectedValue, actualValue)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(expectedValue) && isRecord(actualValue)) {
      changes.push(...collectChanges(expectedValue, actualValue, path));
    } else {
      changes.push({ path, expected: expectedValue, actual: actualValue });
    }
  }
  return changes;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function uniqueLoosely(items: unknown[]): unknown[] {
  const unique: unknown[] = [];
  for (const item of items) {
    if (!unique.some((kept) => looseEqual(kept, item))) unique.push(item);
  }
  return unique;
}
