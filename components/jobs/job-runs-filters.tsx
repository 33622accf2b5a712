import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

/** A plain GET form over the recent runs: which job, which outcome; both live in the URL. */
export function JobRunsFilters({ jobs, values, statuses }: { jobs: string[]; values: { job?: string; status?: string }; statuses: readonly string[] }) {
  return (
    <form method="get" action="/jobs" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" aria-label="Filter job runs">
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
      <button type="submit" className={buttonClass("primary", "field")}>
        Apply
      </button>
      <Link href="/jobs" className={buttonClass("ghost", "field")}>
        Reset
      </Link>
    </form>
  );
}
