import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { ResourceKind } from "@/db/schema/resource-constants";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

export interface DriftFilterValues {
  tab: "open" | "history";
  kind?: string;
  field?: string;
  resource?: string;
  status?: string;
}

const outcomeOptions = [
  { value: "resolved", label: "Any outcome" },
  { value: "accepted", label: "Accepted" },
  { value: "stale", label: "Stale" },
  { value: "reverted", label: "Reverted" },
];

/** A plain GET form: filters live in the URL, so a filtered inbox can be shared and survives a reload. */
export function DriftFilters({
  values,
  kinds,
  fields,
  resourceName,
  url,
}: {
  values: DriftFilterValues;
  kinds: readonly ResourceKind[];
  fields: string[];
  /** Name of the resource the inbox is narrowed to, when it is. */
  resourceName?: string;
  /** The page's URL state, which "Show every resource" keeps but for the resource. */
  url: UrlState;
}) {
  const resetHref = values.tab === "history" ? "/drift?tab=history" : "/drift";
  return (
    <form method="get" action="/drift" aria-label="Filter drift" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {values.tab === "history" ? <input type="hidden" name="tab" value="history" /> : null}
      {values.resource ? <input type="hidden" name="resource" value={values.resource} /> : null}
      <SelectField
        compact
        id="drift-kind"
        name="kind"
        label="Kind"
        defaultValue={values.kind ?? ""}
        options={[{ value: "", label: "Any kind" }, ...kinds.map((k) => ({ value: k, label: k.replace(/_/g, " ") }))]}
      />
      <SelectField
        compact
        id="drift-field"
        name="field"
        label="Field"
        defaultValue={values.field ?? ""}
        options={[{ value: "", label: "Any field" }, ...fields.map((f) => ({ value: f, label: f }))]}
      />
      {values.tab === "history" ? (
        <SelectField compact id="drift-status" name="status" label="Outcome" defaultValue={values.status ?? "resolved"} options={outcomeOptions} />
      ) : null}
      <button type="submit" className={buttonClass("primary", "field")}>
        Apply
      </button>
      <Link href={resetHref} className={buttonClass("ghost", "field")}>
        Reset
      </Link>
      {values.resource ? (
        <p className="flex flex-wrap items-center gap-2 pb-1 text-sm text-slate-700">
          Resource: <strong className="font-medium">{resourceName ?? values.resource}</strong>
          <Link href={hrefWith(url, { resource: undefined, cursor: undefined })} className="text-brand-700 underline">
            Show every resource
          </Link>
        </p>
      ) : null}
    </form>
  );
}
