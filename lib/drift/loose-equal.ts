import { parseInvoiceTimestamp } from "@/lib/costs/parse-invoice-timestamp";

// A desired spec comes from JSON and a live value from a database column or a jsonb blob, so the same fact can
// arrive as 2, "2", "2.00" or 2.0, a list in any order, or a timestamp as a Date or an ISO string. Drift is only
// worth showing when the values differ as facts, not as encodings.
//
// Decisions callers rely on:
// - null, undefined (a missing key), [] and {} are all "nothing" and equal each other; "" is a value and is not
//   nothing, because an empty name or tag is a real setting.
// - Scalars compare as text. Numbers and numeric strings are normalised exactly (no float round trip), so 2, "2",
//   2.0 and "2.00" are equal and "9007199254740993" stays different from "9007199254740992". Strings with padding
//   zeros ("007") are identifiers, not numbers. true equals "true"; true does not equal 1.
// - Lists are sets: order and duplicates never matter, elements match by loose equality.
// - Objects compare key by key; a key missing on one side equals null on the other.
// - A Date equals a string naming the same instant; two timestamp strings compare by instant. A timestamp string
//   without an offset is UTC.

/** Whether two values state the same fact. Symmetric: looseEqual(a, b) === looseEqual(b, a). */
export function looseEqual(expected: unknown, actual: unknown): boolean {
  // The common case in a sweep: the same string or number on both sides.
  if (expected === actual && (typeof expected !== "object" || expected === null)) return true;
  const isExpectedAbsent = isAbsent(expected);
  const isActualAbsent = isAbsent(actual);
  if (isExpectedAbsent || isActualAbsent) return isExpectedAbsent && isActualAbsent;

  if (expected instanceof Date || actual instanceof Date) {
    const expectedInstant = toInstant(expected);
    return expectedInstant !== null && expectedInstant === toInstant(actual);
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return false;
    // Lists of scalars (tags, ids, features) compare as sets of canonical keys: linear rather than pairwise.
    const expectedKeys = scalarKeys(expected);
    const actualKeys = expectedKeys && scalarKeys(actual);
    if (expectedKeys && actualKeys) return expectedKeys.size === actualKeys.size && [...expectedKeys].every((key) => actualKeys.has(key));
    return (
      expected.every((item) => actual.some((other) => looseEqual(item, other))) &&
      actual.every((item) => expected.some((other) => looseEqual(other, item)))
    );
  }
  if (isRecord(expected) || isRecord(actual)) {
    if (!isRecord(expected) || !isRecord(actual)) return false;
    return unionKeys(expected, actual).every((key) => looseEqual(expected[key], actual[key]));
  }
  return isSameScalar(expected, actual);
}

/**
 * Reads a spec field from a resource row: the row's own column first (`size_slug` finds `sizeSlug`), then `attrs`
 * along a dotted path (`region.slug`, `networks.v4.0.ip_address`, numeric segments indexing lists). A column that
 * is null or missing falls through to `attrs`.
 */
export function resolveField(row: Readonly<Record<string, unknown>>, field: string): unknown {
  const path = field.split(".");
  const fromColumns = walkPath(row, path);
  if (fromColumns !== null && fromColumns !== undefined) return fromColumns;
  const fromAttrs = walkPath(row.attrs, path);
  return fromAttrs === undefined ? fromColumns : fromAttrs;
}

/** A short rendering for the drift inbox: lists sorted and de-duplicated, objects as `{key: value}` by key. */
export function describeValue(value: unknown, maxLength = 120): string {
  const text = renderValue(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

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

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) {
    const items = [...new Set(value.map(renderValue))].sort();
    return `[${items.join(", ")}]`;
  }
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${key}: ${renderValue(value[key])}`);
    return `{${entries.join(", ")}}`;
  }
  if (value === "") return '""';
  return String(value);
}

function isAbsent(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.values(value).every(isAbsent);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function uniqueLoosely(items: unknown[]): unknown[] {
  const unique: unknown[] = [];
  for (const item of items) {
    if (!unique.some((kept) => looseEqual(kept, item))) unique.push(item);
  }
  return unique;
}

function toInstant(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== "string") return null;
  return parseInvoiceTimestamp(value)?.getTime() ?? null;
}

function isSameScalar(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "string" && typeof actual === "string") {
    if (expected === actual) return true;
    const expectedInstant = toInstant(expected);
    if (expectedInstant !== null && expectedInstant === toInstant(actual)) return true;
  }
  const expectedText = scalarText(expected);
  return expectedText !== null && expectedText === scalarText(actual);
}

function scalarText(value: unknown): string | null {
  switch (typeof value) {
    case "string":
      return canonicalNumber(value) ?? value;
    case "number":
    case "bigint":
      return canonicalNumber(String(value)) ?? String(value);
    case "boolean":
      return String(value);
    default:
      return null;
  }
}

const NUMBER_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// Rewrites a decimal in canonical plain notation ("2.50" → "2.5", "1e+21" → "1000000000000000000000") by moving
// digits, never through a float, so long integers such as database ids keep every digit.
function canonicalNumber(text: string): string | null {
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return null;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  // "007" or "0123" is an identifier; canonical decimals have one leading zero at most, before the point.
  if (/^0\d/.test(whole)) return null;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 400) return null;

  let digits = `${whole}${fraction}`;
  let pointAt = whole.length + exponent;
  const leadingZeros = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(leadingZeros);
  pointAt -= leadingZeros;
  digits = digits.replace(/0+$/, "");
  if (digits === "") return "0";

  let plain: string;
  if (pointAt <= 0) plain = `0.${"0".repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) plain = `${digits}${"0".repeat(pointAt - digits.length)}`;
  else plain = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return sign === "-" ? `-${plain}` : plain;
}

/**
 * One key per loosely-equal class of scalars, so `looseEqual(a, b)` for scalars is `key(a) === key(b)`: instants by
 * their time, other values by scalarText (2, "2" and "2.0" share one; true and "true" share one), nothing as one key.
 * Returns null when the list holds anything else (objects, lists, invalid dates), which then compares pairwise.
 */
function scalarKeys(items: readonly unknown[]): Set<string> | null {
  const keys = new Set<string>();
  for (const item of items) {
    if (item === null || item === undefined) {
      keys.add("∅");
    } else if (item instanceof Date || typeof item === "string") {
      const instant = toInstant(item);
      if (instant !== null) keys.add(`t:${instant}`);
      else if (item instanceof Date) return null;
      else keys.add(`s:${scalarText(item)}`);
    } else if (typeof item === "number" || typeof item === "bigint" || typeof item === "boolean") {
      keys.add(`s:${scalarText(item)}`);
    } else {
      return null;
    }
  }
  return keys;
}

function walkPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else if (isRecord(current)) {
      const record = current;
      // Own keys only: a path like "constructor" must not reach Object.prototype.
      const key = keyVariants(segment).find((variant) => Object.hasOwn(record, variant));
      current = key === undefined ? undefined : record[key];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

// A sweep resolves the same few field names on every resource: their spellings are worked out once.
const keyVariantsCache = new Map<string, string[]>();

function keyVariants(segment: string): string[] {
  const cached = keyVariantsCache.get(segment);
  if (cached) return cached;
  const variants = spellKeyVariants(segment);
  if (keyVariantsCache.size < 10_000) keyVariantsCache.set(segment, variants);
  return variants;
}

function spellKeyVariants(segment: string): string[] {
  const camel = segment.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
  const snake = segment.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
  return [...new Set([segment, camel, snake])];
}
