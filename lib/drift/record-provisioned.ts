import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudProvisioned, cloudResources } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import type { ProvisionedRecord, Spec } from "./schemas";
import { toProvisionedRecord } from "./to-dto";

/**
 * Records what we asked DigitalOcean for: inserts the resource's desired spec at version 1, or replaces it and bumps
 * the version. Sending the same spec again changes nothing (the version stays), so a provisioning saga can retry.
 */
export async function recordProvisioned(db: DbOrTx, resourceId: string, spec: Spec, recordedBy: string): Promise<ProvisionedRecord> {
  const [resource] = await db.select({ id: cloudResources.id }).from(cloudResources).where(eq(cloudResources.id, resourceId));
  if (!resource) throw new ApiError("not_found", `No resource with id ${resourceId}: use the id /api/v1/inventory returns`);

  const now = new Date();
  const [written] = await db
    .insert(cloudProvisioned)
    .values({ resourceId, spec, recordedBy, recordedVia: "api", createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: cloudProvisioned.resourceId,
      set: {
        spec: sql`excluded.spec`,
        specVersion: sql`${cloudProvisioned.specVersion} + 1`,
        recordedBy: sql`excluded.recorded_by`,
        recordedVia: sql`excluded.recorded_via`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${cloudProvisioned.spec} is distinct from excluded.spec`,
    })
    .returning();
  if (written) return toProvisionedRecord(written);
  const current = await getProvisioned(db, resourceId);
  if (!current) throw new ApiError("conflict", `The spec of ${resourceId} changed while it was being recorded; try again`);
  return current;
}

export async function getProvisioned(db: DbOrTx, resourceId: string): Promise<ProvisionedRecord | null> {
  const [row] = await db.select().from(cloudProvisioned).where(eq(cloudProvisioned.resourceId, resourceId));
  return row ? toProvisionedRecord(row) : null;
}
