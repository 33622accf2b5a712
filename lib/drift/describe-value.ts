import { isRecord } from "./is-record";

/** A short rendering for the drift inbox: lists sorted and de-duplicated, objects as `{key: value}` by key. */
export function describeValue(value: unknown, maxLength = 120): string {
  const text = renderValue(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
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
