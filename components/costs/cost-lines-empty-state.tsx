import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PastLastPage } from "@/components/ui/pagination";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/** Why the explorer shows no lines: a page past the last one, filters that match none, or an invoice not ingested yet. */
export function CostLinesEmptyState({
  lineCount,
  pageSize,
  isFiltered,
  period,
  url,
}: {
  lineCount: number;
  pageSize: number;
  isFiltered: boolean;
  period: string | undefined;
  url: UrlState;
}) {
  if (lineCount > 0) return <PastLastPage total={lineCount} pageSize={pageSize} noun="lines" href={(p) => hrefWith(url, { page: p })} />;
  if (isFiltered) {
    return (
      <EmptyState title="No lines match these filters">
        <Link href={`/costs?period=${period}`} className="font-medium text-brand-700 underline">
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="This invoice has no lines yet">
      <p>It has been discovered but not ingested; see the invoices view for its state.</p>
    </EmptyState>
  );
}
