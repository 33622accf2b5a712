import type { ReactNode } from "react";
import { formatDateTime } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { DriftOverview } from "@/lib/drift/get-drift-overview";

/**
 * When the drift sweep last ran and what it looked at: a line under the page header, or (isSentence) the body of the
 * inbox's empty state, where "no drift" only means something next to when it was last checked.
 */
export function SweepStatus({ overview, now, isSentence = false }: { overview: DriftOverview; now: number; isSentence?: boolean }) {
  const { lastSweep, lastCompletedSweep, specCount } = overview;
  const parts: ReactNode[] = [];

  if (lastCompletedSweep?.finished_at) {
    const checked = lastCompletedSweep.counts.resources;
    parts.push(
      <span key="last">
        The last sweep finished{" "}
        <RelativeTime iso={lastCompletedSweep.finished_at} now={now} />{" "}
        ({formatDateTime(lastCompletedSweep.finished_at)})
        {checked !== undefined ? ` and checked ${checked.toLocaleString("en")} ${checked === 1 ? "resource" : "resources"}` : ""}.
      </span>,
    );
  } else {
    parts.push(
      <span key="never">The drift sweep has not run yet. It runs every hour at :20 UTC, after the inventory sync; Run sweep now runs it at once.</span>,
    );
  }
  if (lastSweep?.status === "running") {
    parts.push(<span key="running"> A sweep is running now{lastSweep.progress?.message ? ` (${lastSweep.progress.message})` : ""}.</span>);
  } else if (lastSweep?.status === "failed") {
    parts.push(
      <span key="failed" className="text-red-800">
        {" "}
        The latest sweep failed <RelativeTime iso={lastSweep.finished_at ?? lastSweep.started_at} now={now} />: {lastSweep.error ?? "unknown error"}.
      </span>,
    );
  }
  if (specCount === 0) {
    parts.push(
      <span key="nospec">
        {" "}
        No desired state has been recorded yet: arcadia-app records each resource's spec with{" "}
        <code className="rounded bg-slate-100 px-1">PUT /api/v1/provisioned/&#123;resourceId&#125;</code> as it provisions it.
      </span>,
    );
  } else if (isSentence && lastCompletedSweep) {
    parts.push(
      <span key="specs">
        {" "}
        {specCount.toLocaleString("en")} {specCount === 1 ? "resource has" : "resources have"} a desired spec; none has open drift.
      </span>,
    );
  }

  return isSentence ? <p>{parts}</p> : <p className="-mt-4 mb-6 max-w-3xl text-sm text-slate-600">{parts}</p>;
}
