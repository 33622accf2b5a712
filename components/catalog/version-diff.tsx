import type { VersionChange } from "@/lib/catalog/diff-versions";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { formatMoney } from "@/lib/money/format-money";
import { formatCap, formatOverage } from "./catalog-format";

function describeChange(change: VersionChange, currency: string): string {
  switch (change.type) {
    case "base_price":
      return `Monthly price ${formatMoney(change.from, currency)} → ${formatMoney(change.to, currency)}`;
    case "currency":
      return `Currency ${change.from} → ${change.to}`;
    case "item_added":
      return `Adds ${resourceKindLabel(change.item.resource_kind)}: ${formatQuantity(change.item.resource_kind, change.item.included_qty)} included, then ${formatOverage(change.item, currency)}; ${formatCap(change.item).toLowerCase()}`;
    case "item_removed":
      return `Removes ${resourceKindLabel(change.item.resource_kind)}`;
    case "item_changed": {
      const kind = change.resource_kind;
      const parts = change.fields.map((f) => {
        const qty = (v: string | number | null) => (v === null ? "no cap" : formatQuantity(kind, Number(v)));
        if (f.field === "included_qty") return `included ${qty(f.from)} → ${qty(f.to)}`;
        if (f.field === "hard_cap_qty") return `cap ${qty(f.from)} → ${qty(f.to)}`;
        if (f.field === "overage_price_cents") return `overage ${formatMoney(Number(f.from), currency)} → ${formatMoney(Number(f.to), currency)}`;
        return `overage unit ${f.from} → ${f.to}`;
      });
      return `${resourceKindLabel(kind)}: ${parts.join("; ")}`;
    }
  }
}

/** What changed between two versions, as a list a person can check before publishing. */
export function VersionDiff({ changes, currency, emptyText = "No changes." }: { changes: VersionChange[]; currency: string; emptyText?: string }) {
  if (!changes.length) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
      {changes.map((c, i) => (
        <li key={i}>{describeChange(c, currency)}</li>
      ))}
    </ul>
  );
}
