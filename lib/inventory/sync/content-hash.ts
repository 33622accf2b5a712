import { createHash } from "node:crypto";

/**
 * Hash of what DO told us about a resource: every column the sync writes, its attrs and its project, as the JSON texts
 * the sync sends. Stored on the row, it lets a sync skip unchanged resources without reading them (not even their
 * attrs). DO serialises an object's keys in a stable order, and if that order ever changed, the row would merely be
 * rewritten once, with no event (the field-by-field diff finds nothing).
 */
export function contentHash(columnsJson: string, attrsJson: string): string {
  return createHash("sha1").update(columnsJson).update("\n").update(attrsJson).digest("base64url");
}
