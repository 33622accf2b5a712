import type { Tone } from "@/components/ui/badge";
import type { PlanVersionStatus } from "@/db/schema/catalog-kinds";
import { formatQuantity } from "@/lib/catalog/resource-kind-labels";
import type { PlanItemDto } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";

/** How the catalog's terms read on every page, admin and tenant alike. */

export const statusTone: Record<PlanVersionStatus, Tone> = { draft: "amber", active: "green", retired: "neutral" };

export function formatOverage(item: Pick<PlanItemDto, "overage_price_cents" | "overage_unit">, currency: string): string {
  return `${formatMoney(item.overage_price_cents, currency)} per ${item.overage_unit}`;
}

export function formatCap(item: PlanItemDto): string {
  return item.hard_cap_qty === null ? "No cap" : `Stops at ${formatQuantity(item.resource_kind, item.hard_cap_qty)}`;
}
