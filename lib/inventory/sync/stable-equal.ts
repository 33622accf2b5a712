/**
 * Structural equality of JSON-like values, ignoring key order (jsonb sorts keys) and treating a missing key as equal
 * to `undefined`. Used to decide whether a synced resource changed at all, so an unchanged account writes nothing.
 */
export function stableEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => stableEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!stableEqual(ao[k], bo[k])) return false;
  return true;
}

/** Top-level keys whose values differ. */
export function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !stableEqual(a[k], b[k])).sort();
}
