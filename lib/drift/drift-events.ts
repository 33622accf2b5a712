import type { ResourceKind } from "@/db/schema";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";

export interface DriftEventRow {
  id: string;
  field: string;
  expected: unknown;
  actual: unknown;
  resource: { id: string; name: string; kind: ResourceKind; region: string | null };
}

export function driftDetectedEvent(d: DriftEventRow & { specVersion: number }, detectedAt: Date): NotificationEvent {
  return {
    type: "drift.detected",
    occurredAt: detectedAt,
    data: {
      drift_id: d.id,
      resource: d.resource,
      field: d.field,
      expected: d.expected ?? null,
      actual: d.actual ?? null,
      spec_version: d.specVersion,
      detected_at: detectedAt.toISOString(),
    },
  };
}

export function driftResolvedEvent(d: DriftEventRow, resolution: "accepted" | "stale" | "reverted", by: string, resolvedAt: Date): NotificationEvent {
  return {
    type: "drift.resolved",
    occurredAt: resolvedAt,
    data: {
      drift_id: d.id,
      resource: d.resource,
      field: d.field,
      resolution,
      resolved_by: by,
      resolved_at: resolvedAt.toISOString(),
      expected: d.expected ?? null,
      actual: d.actual ?? null,
    },
  };
}
