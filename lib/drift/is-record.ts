/** A plain object: not null, a list or a Date (each of which drift compares and renders in its own way). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
