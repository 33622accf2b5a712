import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { DriftTab } from "@/lib/drift/drift-page-query";
import type { DriftOverview } from "@/lib/drift/get-drift-overview";
import { SweepStatus } from "./sweep-status";

/**
 * Why a drift list is empty: filters (or an old page) that match nothing, an inbox with nothing open (said next to
 * when the sweep last looked), or no drift resolved yet.
 */
export function DriftEmptyState({ tab, isFiltered, overview, now }: { tab: DriftTab; isFiltered: boolean; overview: DriftOverview; now: number }) {
  if (isFiltered) {
    return (
      <EmptyState title={tab === "open" ? "No open drift matches these filters" : "No resolved drift matches these filters"}>
        <Link href={tab === "open" ? "/drift" : "/drift?tab=history"} className="font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  if (tab === "open") {
    return (
      <EmptyState title="No open drift">
        <SweepStatus overview={overview} now={now} isSentence />
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No drift has been resolved yet">
      <p>Drift that was accepted, reverted to the spec, or went away because the live value matched the spec again is listed here.</p>
    </EmptyState>
  );
}
