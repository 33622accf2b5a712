import type { ProvisioningRequest } from "@/db/schema";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";

/** `provisioning.requested`: a request filed, by whom and what it asks, queued or waiting for an admin's approval. */
export function requestedEvent(request: ProvisioningRequest, status: "queued" | "awaiting_approval"): NotificationEvent {
  return {
    type: "provisioning.requested",
    occurredAt: request.createdAt,
    data: {
      request_id: request.id,
      tenant_id: request.tenantId,
      action: request.action,
      params: request.params,
      requested_by: request.requestedBy,
      dry_run: request.isDryRun,
      status,
      monthly_cogs_cents: request.monthlyCogsCents,
      requested_at: request.createdAt.toISOString(),
    },
  };
}
