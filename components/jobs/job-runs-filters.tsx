import { SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";

/** A plain GET form over the recent runs: which job, which outcome; both live in the URL. */
export function JobRunsFilters({ jobs, values, statuses }: { jobs: string[]; values: { job?: string; status?: string }; statuses: readonly string[] }) {
  return (
    <FilterForm action="/jobs" label="Filter job runs">
      <SelectField
        compact
        id="runs-job"
        name="job"
        label="Job"
        defaultValue={values.job ?? ""}
        options={[{ value: "", label: "Every job" }, ...jobs.map((j) => ({ value: j, label: j }))]}
      />
      <SelectField
        compact
        id="runs-status"
        name="status"
        label="Outcome"
        defaultValue={values.status ?? ""}
        options={[{ value: "", label: "Any outcome" }, ...statuses.map((s) => ({ value: s, label: s }))]}
      />
    </FilterForm>
  );
}
