import { SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";

/** A plain GET form over the feed: which event type; it lives in the URL. */
export function ActivityFilters({ types, value }: { types: readonly string[]; value?: string }) {
  return (
    <FilterForm action="/activity" label="Filter events">
      <SelectField
        compact
        id="activity-type"
        name="type"
        label="Event type"
        defaultValue={value ?? ""}
        options={[{ value: "", label: "Every type" }, ...types.map((t) => ({ value: t, label: t }))]}
      />
    </FilterForm>
  );
}
