import { isRecord } from "./is-record";

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
