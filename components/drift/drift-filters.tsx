import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ResourceKind } from "@/db/schema/resources";

export interface DriftFilterValues {
  tab: "open" | "history";
  kind?: string;
  field?: string;
  resource?: string;
  status?: string;
}

const selectClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so a filtered inbox can be shared and survives a reload. */
export function DriftFilters({
  values,
  kinds,
  fields,
  resourceName,
}: {
  values: DriftFilterValues;
  kinds: readonly ResourceKind[];
  fields: string[];
  /** Name of the resource the inbox is narrowed to, when it is. */
  resourceName?: string;
}) {
  const resetHref = values.tab === "history" ? "/drift?tab=history" : "/drift";
  return (
    <form method="get" action="/drift" aria-label="Filter drift" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {values.tab === "history" ? <input type="hidden" name="tab" value="history" /> : null}
      {values.resource ? <input type="hidden" name="resource" value={values.resource} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="drift-kind" className="text-xs font-medium text-slate-700">
          Kind
        </label>
        <select id="drift-kind" name="kind" defaultValue={values.kind ?? ""} className={selectClass}>
          <option value="">Any kind</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="drift-field" className="text-xs font-medium text-slate-700">
          Field
        </label>
        <select id="drift-field" name="field" defaultValue={values.field ?? ""} className={selectClass}>
          <option value="">Any field</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      {values.tab === "history" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="drift-status" className="text-xs font-medium text-slate-700">
            Outcome
          </label>
          <select id="drift-status" name="status" defaultValue={values.status ?? "resolved"} className={selectClass}>
            <option value="resolved">Any outcome</option>
            <option value="accepted">Accepted</option>
            <option value="stale">Stale</option>
            <option value="reverted">Reverted</option>
          </select>
        </div>
      ) : null}
      <button type="submit" className={buttonClass("primary", "sm")}>
        Apply
      </button>
      <Link href={resetHref} className={buttonClass("ghost", "sm")}>
        Reset
      </Link>
      {values.resource ? (
        <p className="flex items-center gap-2 pb-1 text-sm text-slate-700">
          Resource: <strong className="font-medium">{resourceName ?? values.resource}</strong>
          <Link href={withoutResource(values)} className="text-brand-700 underline">
            Show every resource
          </Link>
        </p>
      ) : null}
    </form>
  );
}

function withoutResource(values: DriftFilterValues): string {
  const params = new URLSearchParams();
  if (values.tab === "history") params.set("tab", "history");
  if (values.kind) params.set("kind", values.kind);
  if (values.field) params.set("field", values.field);
  if (values.tab === "history" && values.status) params.set("status", values.status);
  const query = params.toString();
  return query ? `/drift?${query}` : "/drift";
}
