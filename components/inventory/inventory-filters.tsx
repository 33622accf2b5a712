import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** A plain GET form: filters live in the URL, so they are shareable and survive a reload. */
export function InventoryFilters({
  values,
  kind,
}: {
  values: { q?: string; region?: string; status?: string; includeDeleted: boolean };
  kind?: string;
}) {
  return (
    <form method="get" action="/inventory" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" aria-label="Filter resources">
      {kind ? <input type="hidden" name="kind" value={kind} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="inv-q" className="text-xs font-medium text-slate-700">
          Search
        </label>
        <input id="inv-q" name="q" defaultValue={values.q} placeholder="Name or DO id" className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="inv-region" className="text-xs font-medium text-slate-700">
          Region
        </label>
        <input id="inv-region" name="region" defaultValue={values.region} placeholder="e.g. syd1" className="w-28 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="inv-status" className="text-xs font-medium text-slate-700">
          Status
        </label>
        <input id="inv-status" name="status" defaultValue={values.status} placeholder="e.g. active" className="w-28 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm" />
      </div>
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="include_deleted" value="true" defaultChecked={values.includeDeleted} className="h-4 w-4" />
        Show deleted
      </label>
      <button type="submit" className={buttonClass("primary", "sm")}>
        Apply
      </button>
      <Link href="/inventory" className={buttonClass("ghost", "sm")}>
        Reset
      </Link>
    </form>
  );
}
