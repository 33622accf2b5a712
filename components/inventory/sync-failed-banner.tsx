import { Banner } from "@/components/ui/banner";
import { formatDateTime } from "@/components/ui/format";
import type { SyncRunItem } from "@/lib/inventory/sync/schemas";

/** Says why the last inventory sync did not complete, and what to do when DigitalOcean refused the token. */
export function SyncFailedBanner({ run }: { run: Pick<SyncRunItem, "started_at" | "error"> }) {
  return (
    <div className="mb-4">
      <Banner tone="error">
        {run.error?.includes("DO token rejected")
          ? "DO token rejected: DigitalOcean refused the API token. Check DO_API_TOKEN, then sync again."
          : `The last sync (started ${formatDateTime(run.started_at)}) did not complete: ${run.error ?? "unknown error"}. Resources of the failed kinds were left as they were.`}
      </Banner>
    </div>
  );
}
