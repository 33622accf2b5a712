import { buttonClass } from "@/components/ui/button";

/** How many lines the explorer's filters select, announced as they change, and the CSV export of exactly those. */
export function CostLinesSummary({ lineCount, isFiltered, exportHref }: { lineCount: number; isFiltered: boolean; exportHref: string }) {
  return (
    <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-2 text-sm text-slate-600">
      <p aria-live="polite">
        {lineCount.toLocaleString("en")} {lineCount === 1 ? "line" : "lines"}
        {isFiltered ? " match these filters" : " in this period"}
      </p>
      {lineCount > 0 ? (
        <a href={exportHref} className={buttonClass("secondary", "sm")} download>
          Export CSV
        </a>
      ) : null}
    </div>
  );
}
