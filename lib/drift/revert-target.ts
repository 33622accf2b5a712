import type { CloudResource } from "@/db/schema";
import type { RevertTarget } from "./plan-revert";

/** What planRevert needs of an inventory row. */
export function revertTargetOf(r: Pick<CloudResource, "name" | "kind" | "deletedAt" | "status" | "sizeSlug" | "tags" | "attrs">): RevertTarget {
  return {
    name: r.name,
    kind: r.kind,
    isDeleted: r.deletedAt !== null,
    status: r.status,
    sizeSlug: r.sizeSlug,
    disk: typeof r.attrs.disk === "number" ? r.attrs.disk : null,
    tags: r.tags,
  };
}
