import { centsToDecimal } from "@/lib/money/cents-to-decimal";
import type { FormValues } from "@/lib/http/action-result";
import type { PlanItemDto } from "./schemas";

/** A version as the draft editor's inputs start out: dollars as strings, one set of inputs per included kind. */
export function versionFormValues(version: { base_price_cents: number | null; currency: string; items: PlanItemDto[]; allowed_sizes?: string[] }): FormValues {
  const values: FormValues = {
    base_price: version.base_price_cents === null ? "" : centsToDecimal(version.base_price_cents),
    currency: version.currency,
    allowed_sizes: (version.allowed_sizes ?? []).join(", "),
  };
  for (const i of version.items) {
    values[`items.${i.resource_kind}.enabled`] = "on";
    values[`items.${i.resource_kind}.included_qty`] = i.included_qty.toLocaleString("en-AU");
    values[`items.${i.resource_kind}.overage_unit`] = i.overage_unit;
    values[`items.${i.resource_kind}.overage_price`] = centsToDecimal(i.overage_price_cents);
    values[`items.${i.resource_kind}.hard_cap_qty`] = i.hard_cap_qty === null ? "" : i.hard_cap_qty.toLocaleString("en-AU");
  }
  return values;
}
