import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { monthName } from "@/lib/billing/chart-months";
import { type CostDimension, costDimensionLabels, costDimensions } from "@/lib/costs/cost-dimensions";

/** A plain GET form: the grouping and the range live in the URL, like every other filter. */
export function CostGroupsForm({
  groupBy,
  groupBy2,
  from,
  to,
  months,
}: {
  groupBy: CostDimension;
  groupBy2: CostDimension | undefined;
  from: string;
  to: string;
  months: string[];
}) {
  const dimensions = costDimensions.map((d) => ({ value: d, label: costDimensionLabels[d] }));
  // The range may reach months without an invoice (a link from elsewhere): keep them choosable.
  const choices = [...new Set([...months, from, to])].sort().reverse();
  const monthOptions = choices.map((p) => ({ value: p.slice(0, 7), label: monthName(p) }));
  return (
    <form method="get" action="/costs/explore" aria-label="Group costs" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      <SelectField compact id="cg-group-by" name="group_by" label="Group by" defaultValue={groupBy} options={dimensions} />
      <SelectField compact id="cg-group-by2" name="group_by2" label="Then by" defaultValue={groupBy2 ?? ""} options={[{ value: "", label: "Nothing" }, ...dimensions]} />
      <SelectField compact id="cg-from" name="from" label="From" defaultValue={from.slice(0, 7)} options={monthOptions} />
      <SelectField compact id="cg-to" name="to" label="To" defaultValue={to.slice(0, 7)} options={monthOptions} />
      <button type="submit" className={buttonClass("primary", "field")}>
        Show
      </button>
    </form>
  );
}
