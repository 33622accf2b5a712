import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudProvisioned, cloudResources } from "@/db/schema";
import { recordProvisioned } from "./record-provisioned";
import type { Spec } from "./schemas";

/**
 * The demo's desired specs that live no longer matches, so its first drift sweep has an inbox to show: one tenant
 * droplet resized behind our back, one whose environment tag was edited, and one that lost a tag we set. Each is the
 * first live droplet (by name) of a tenant of the fake account; only recorded where no spec exists yet, so an admin's
 * accepted drift is never put back. Needs the inventory: before the first sync it records nothing.
 */
const demoDrifts: { tenant: string; spec: (r: { sizeSlug: string | null; tags: string[] }) => Spec }[] = [
  { tenant: "hooli", spec: (r) => ({ size_slug: r.sizeSlug === "s-1vcpu-2gb" ? "s-2vcpu-4gb" : "s-1vcpu-2gb" }) },
  { tenant: "globex", spec: (r) => ({ tags: [...r.tags.filter((t) => t !== "env:prod"), "env:staging"] }) },
  { tenant: "umbrella", spec: (r) => ({ size_slug: r.sizeSlug, tags: [...r.tags, "backup:daily"] }) },
];

export async function seedDemoDrift(db: DbOrTx): Promise<string> {
  let recorded = 0;
  for (const d of demoDrifts) {
    const [resource] = await db
      .select({ id: cloudResources.id, sizeSlug: cloudResources.sizeSlug, tags: cloudResources.tags, specId: cloudProvisioned.resourceId })
      .from(cloudResources)
      .leftJoin(cloudProvisioned, eq(cloudProvisioned.resourceId, cloudResources.id))
      .where(and(eq(cloudResources.kind, "droplet"), isNull(cloudResources.deletedAt), sql`${`tenant:${d.tenant}`} = any(${cloudResources.tags})`))
      .orderBy(asc(cloudResources.name))
      .limit(1);
    if (!resource || resource.specId) continue;
    await recordProvisioned(db, resource.id, d.spec(resource), "demo-seed");
    recorded++;
  }
  return `demo drift: ${recorded} specs recorded`;
}
