import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

/** A plain GET form over the feed: which event type; it lives in the URL. */
export function ActivityFilters({ types, value }: { types: readonly string[]; value?: string }) {
  return (
    <form method="get" action="/activity" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" aria-label="Filter events">
      <SelectField
        compact
        id="activity-type"
        name="type"
        label="Event type"
        defaultValue={value ?? ""}
        options={[{ value: "", label: "Every type" }, ...types.map((t) => ({ value: t, label: t }))]}
      />
      <button type="submit" className={buttonClass("primary", "field")}>
        Apply
      </button>
      <Link href="/activity" className={buttonClass("ghost", "field")}>
        Reset
      </Link>
    </form>
  );
}
