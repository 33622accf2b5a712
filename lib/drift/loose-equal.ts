import { parseInvoiceTimestamp } from "@/lib/costs/parse-invoice-timestamp";
import { isRecord } from "./is-record";

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

/** "Nothing", as looseEqual counts it: null, undefined, an empty list, or an object of nothing but nothing. */
export function isAbsent(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.values(value).every(isAbsent);
}

/** Every key of either object, once. */
export function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
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
