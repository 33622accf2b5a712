import type { ResourceKind, SyncKindResult } from "@/db/schema";
import { DoIncompleteListingError } from "@/lib/digitalocean/errors";
import { SpacesIncompleteListingError } from "@/lib/digitalocean/spaces-client";
import type { NotificationEvent } from "@/lib/notifications/event-catalog";

/** A listing that ended short (DO's pages, or a Spaces region): nothing may be concluded from what it did not see. */
export function isIncompleteListing(e: unknown): boolean {
  return e instanceof DoIncompleteListingError || e instanceof SpacesIncompleteListingError;
}

export function syncFailedEvent(
  run: { id: string; jobRunId: string | null; trigger: string; kinds: readonly ResourceKind[]; finishedAt: Date },
  results: Partial<Record<ResourceKind, SyncKindResult>>,
  incomplete: ReadonlySet<ResourceKind>,
): NotificationEvent {
  const failed = (Object.entries(results) as [ResourceKind, SyncKindResult][]).filter(([, r]) => r.status === "failed");
  return {
    type: "sync.failed",
    occurredAt: run.finishedAt,
    data: {
      sync_run_id: run.id,
      job_run_id: run.jobRunId,
      trigger: run.trigger,
      kinds: [...run.kinds],
      failed: failed.map(([kind, r]) => ({ kind, error: r.error ?? "failed", incomplete_listing: incomplete.has(kind) })),
      finished_at: run.finishedAt.toISOString(),
    },
  };
}
