import type { CloudDrift, CloudProvisioned, CloudResource } from "@/db/schema";
import type { DriftItem, ProvisionedRecord } from "./schemas";

export type DriftResourceColumns = Pick<CloudResource, "name" | "kind" | "region" | "providerId" | "deletedAt">;

export function toDriftItem(drift: CloudDrift, resource: DriftResourceColumns): DriftItem {
  return {
    id: drift.id,
    resource_id: drift.resourceId,
    field: drift.field,
    expected: drift.expected ?? null,
    actual: drift.actual ?? null,
    status: drift.status,
    detected_at: drift.detectedAt.toISOString(),
    resolved_at: drift.resolvedAt?.toISOString() ?? null,
    resolved_by: drift.resolvedBy,
    spec_version: drift.specVersion,
    resource: {
      name: resource.name,
      kind: resource.kind,
      region: resource.region,
      provider_id: resource.providerId,
      deleted_at: resource.deletedAt?.toISOString() ?? null,
    },
  };
}

export function toProvisionedRecord(row: CloudProvisioned): ProvisionedRecord {
  return {
    resource_id: row.resourceId,
    spec: row.spec,
    spec_version: row.specVersion,
    recorded_by: row.recordedBy,
    recorded_via: row.recordedVia,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
