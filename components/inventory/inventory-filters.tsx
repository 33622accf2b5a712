import { TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";

/** A plain GET form: filters live in the URL, so they are shareable and survive a reload. */
export function InventoryFilters({
  values,
  kind,
}: {
  values: { q?: string; region?: string; status?: string; includeDeleted: boolean };
  kind?: string;
}) {
  return (
    <FilterForm action="/inventory" label="Filter resources">
      {kind ? <input type="hidden" name="kind" value={kind} /> : null}
      <TextField compact id="inv-q" name="q" label="Search" defaultValue={values.q} placeholder="Name or DO id" inputClassName="w-56" />
      <TextField compact id="inv-region" name="region" label="Region" defaultValue={values.region} placeholder="e.g. syd1" inputClassName="w-28" />
      <TextField compact id="inv-status" name="status" label="Status" defaultValue={values.status} placeholder="e.g. active" inputClassName="w-28" />
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="include_deleted" value="true" defaultChecked={values.includeDeleted} className="h-4 w-4" />
        Show deleted
      </label>
    </FilterForm>
  );
}
