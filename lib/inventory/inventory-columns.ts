import { z } from "zod";
import type { ResourceItem } from "./schemas";

// Plain constants and zod: the inventory table (a client component) imports them too.

/** The inventory table's columns an admin may hide; the name always shows, as every row's link. */
export const inventoryColumns = [
  { id: "kind", label: "Kind" },
  { id: "region", label: "Region" },
  { id: "size", label: "Size" },
  { id: "status", label: "Status" },
  { id: "tenant", label: "Tenant" },
  { id: "cost", label: "Cost" },
  { id: "tags", label: "Tags" },
  { id: "last_seen", label: "Last changed" },
] as const;

export type InventoryColumnId = (typeof inventoryColumns)[number]["id"];

const columnIds = inventoryColumns.map((c) => c.id) as [InventoryColumnId, ...InventoryColumnId[]];

/** The admin preference `inventory.columns`: which columns are hidden. */
export const inventoryColumnsPreference = z.object({ hidden: z.array(z.enum(columnIds)).max(columnIds.length) });
export type InventoryColumnsPreference = z.infer<typeof inventoryColumnsPreference>;

export const inventoryColumnsKey = "inventory.columns";

/** A row of the inventory page: the resource, whose tenant it is, and what it cost in the latest invoiced month. */
export type InventoryRow = ResourceItem & {
  tenant: { id: string; name: string | null } | null;
  /** Cents in the invoice's currency; null when no line of that month was matched to it. */
  cost_cents: number | null;
};
