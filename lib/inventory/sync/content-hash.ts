import { createHash } from "node:crypto";
import type { NormalisedResource } from "./normalise";

/** JSON with object keys sorted at every level, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * Hash of what DO told us about a resource (every column the sync writes and its attrs, project membership aside:
 * that comes from another listing). Stored on the row, it lets a sync skip unchanged resources without reading them.
 */
export function contentHash(item: NormalisedResource): string {
  const { urn: _urn, kind: _kind, providerId: _id, ...content } = item;
  return createHash("sha1").update(canonicalJson(content)).digest("base64url");
}
