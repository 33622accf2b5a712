import { type ResourceKind, resourceKinds } from "@/db/schema/resource-constants";
import { kindLabels } from "@/lib/inventory/kind-styles";

// What the costs explorer groups lines by. Plain constants (no drizzle), so the page's client components can use them.

export const costDimensions = ["kind", "project", "tenant", "resource", "product", "category"] as const;
export type CostDimension = (typeof costDimensions)[number];

export const costDimensionLabels: Record<CostDimension, string> = {
  kind: "Kind",
  project: "Project",
  tenant: "Tenant",
  resource: "Resource",
  product: "DO product",
  category: "Category",
};

/**
 * A line's kind for grouping: its resource kind, else what it is (tax, credit), else `other`. A credit on droplets
 * stays a droplet line (it lowers what droplets cost); a credit for the whole account has no kind.
 */
export const costKinds = [...resourceKinds, "tax", "credit", "other"] as const;
export type CostKind = (typeof costKinds)[number];

// "Other charges", not "Other": the chart draws its smallest groups together as "Other (n groups)".
const costKindLabels: Record<CostKind, string> = { ...kindLabels, tax: "Tax", credit: "Credits", other: "Other charges" };

/** Dimensions a line may have no value for; the explorer's `none` filter selects those lines. */
export const nullableCostDimensions = ["project", "tenant", "resource", "category"] as const satisfies readonly CostDimension[];
export type NullableCostDimension = (typeof nullableCostDimensions)[number];

const noValueLabels: Record<CostDimension, string> = {
  kind: "Other",
  project: "No project",
  tenant: "Shared (no tenant)",
  resource: "Not matched to a resource",
  product: "No product",
  category: "No category",
};

/** How a group's value reads: the kind's label, the resource's or tenant's name when known, the value itself otherwise. */
export function costGroupLabel(dimension: CostDimension, value: string | null, name?: string | null): string {
  if (value === null) return noValueLabels[dimension];
  if (dimension === "kind") return costKindLabels[value as CostKind] ?? value;
  return name || value;
}

export function isResourceKind(kind: string): kind is ResourceKind {
  return (resourceKinds as readonly string[]).includes(kind);
}
