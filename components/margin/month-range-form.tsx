import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { monthName } from "@/lib/billing/chart-months";

/** A plain GET form: the range lives in the URL, so a view can be bookmarked and shared. */
export function MonthRangeForm({ from, to, months }: { from: string; to: string; months: string[] }) {
  const options = months.map((p) => ({ value: p.slice(0, 7), label: monthName(p) }));
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-3">
      <SelectField id="margin-from" name="from" label="From" defaultValue={from.slice(0, 7)} options={options} />
      <SelectField id="margin-to" name="to" label="To" defaultValue={to.slice(0, 7)} options={options} />
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}

/** A single-month picker with extra hidden fields kept (sort, allocation, target). */
export function MonthForm({ month, months, keep = {}, children }: { month: string; months: string[]; keep?: Record<string, string>; children?: ReactNode }) {
  const options = months.map((p) => ({ value: p.slice(0, 7), label: monthName(p) }));
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-3">
      <SelectField id="margin-month" name="month" label="Month" defaultValue={month.slice(0, 7)} options={options} />
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}

/** Whether shared cost is spread over tenants (pro rata to revenue) or kept in a row of its own. */
export function SharedCostField({ allocate }: { allocate: boolean }) {
  return (
    <SelectField
      id="margin-allocate"
      name="allocate"
      label="Shared cost"
      defaultValue={allocate ? "1" : "0"}
      options={[
        { value: "0", label: "Shown apart" },
        { value: "1", label: "Allocated pro rata to revenue" },
      ]}
    />
  );
}

/** The tenants view's filter: every tenant, the billed ones, or the unbilled ones (revenue leakage). */
export function BilledField({ billed }: { billed: string }) {
  return (
    <SelectField
      id="margin-billed"
      name="billed"
      label="Tenants"
      defaultValue={billed}
      options={[
        { value: "all", label: "All" },
        { value: "billed", label: "Billed" },
        { value: "unbilled", label: "Unbilled (revenue leakage)" },
      ]}
    />
  );
}
