import type { DriftItem } from "@/lib/drift/schemas";

export interface DriftResourceGroup {
  resourceId: string;
  resource: DriftItem["resource"];
  items: DriftItem[];
}

/**
 * Groups drift by resource: groups keep the order the items came in (newest first), and each group lists its fields
 * alphabetically, so a resource's rows read the same on every visit.
 */
export function groupByResource(items: readonly DriftItem[]): DriftResourceGroup[] {
  const groups = new Map<string, DriftResourceGroup>();
  for (const item of items) {
    const group = groups.get(item.resource_id) ?? { resourceId: item.resource_id, resource: item.resource, items: [] };
    group.items.push(item);
    groups.set(item.resource_id, group);
  }
  for (const group of groups.values()) group.items.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return [...groups.values()];
}
