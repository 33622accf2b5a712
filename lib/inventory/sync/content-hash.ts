import { createHash } from "node:crypto";
import type { NormalisedResource } from "./normalise";

/**
 * Hash of what DO told us about a resource (every column the sync writes and its attrs, project membership aside:
 * that comes from another listing). Stored on the row, it lets a sync skip unchanged resources without reading them.
 * Native JSON.stringify keeps the hash cheap; DO serialises an object's keys in a stable order, and if that order ever
 * changed, the row would merely be rewritten once, with no event (the field-by-field diff finds nothing).
 */
export function contentHash(item: NormalisedResource): string {
  const { urn: _urn, kind: _kind, providerId: _id, ...content } = item;
  return createHash("sha1").update(JSON.stringify(content)).digest("base64url");
}
