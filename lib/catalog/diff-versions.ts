import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import type { PlanItemDto } from "./schemas";
import { sortItems } from "./to-dto";

export interface ComparableVersion {
  base_price_cents: number;
  currency: string;
  items: PlanItemDto[];
}

type ItemField = "included_qty" | "overage_unit" | "overage_price_cents" | "hard_cap_qty";
const itemFields: ItemField[] = ["included_qty", "overage_unit", "overage_price_cents", "hard_cap_qty"];

export type VersionChange =
  | { type: "base_price"; from: number; to: number }
  | { type: "currency"; from: string; to: string }
  | { type: "item_added"; item: PlanItemDto }
  | { type: "item_removed"; item: PlanItemDto }
  | {
      type: "item_changed";
      resource_kind: CatalogResourceKind;
      fields: { field: ItemField; from: string | number | null; to: string | number | null }[];
    };

/**
 * What changed from one version to the next: the plan page shows it between consecutive versions and the publish
 * confirmation shows it against the active version. `from` null (a plan's first version) lists every item as added.
 */
export function diffVersions(from: ComparableVersion | null, to: ComparableVersion): VersionChange[] {
  const changes: VersionChange[] = [];
  if (!from) return sortItems(to.items).map((item) => ({ type: "item_added", item }));
  if (from.base_price_cents !== to.base_price_cents) changes.push({ type: "base_price", from: from.base_price_cents, to: to.base_price_cents });
  if (from.currency !== to.currency) changes.push({ type: "currency", from: from.currency, to: to.currency });
  const before = new Map(from.items.map((i) => [i.resource_kind, i]));
  const after = new Map(to.items.map((i) => [i.resource_kind, i]));
  const kinds = sortItems([...new Set([...before.keys(), ...after.keys()])].map((resource_kind) => ({ resource_kind })));
  for (const { resource_kind } of kinds) {
    const a = before.get(resource_kind);
    const b = after.get(resource_kind);
    if (!a && b) changes.push({ type: "item_added", item: b });
    else if (a && !b) changes.push({ type: "item_removed", item: a });
    else if (a && b) {
      const fields = itemFields.filter((f) => a[f] !== b[f]).map((f) => ({ field: f, from: a[f], to: b[f] }));
      if (fields.length) changes.push({ type: "item_changed", resource_kind, fields });
    }
  }
  return changes;
}
