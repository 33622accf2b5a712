import "server-only";
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudProvisioned, cloudResources } from "@/db/schema";
import { recordProvisioned } from "./record-provisioned";
import type { Spec } from "./schemas";

type Picked = { sizeSlug: string | null; tags: string[] };

/**
 * The demo's desired specs that live no longer matches, so its drift sweep has an inbox to show: one tenant droplet
 * resized behind our back, one whose environment tag was edited, one that lost a tag we set (each the first live
 * droplet, by name, of a tenant of the fake account), and Initech's droplet that its owner destroyed from DO's control
 * panel after the demo's first sync (the fake's demo story): our spec still wants it, so the sweep after the next sync
 * opens drift on `exists`. Only recorded where no spec exists yet, so an admin's accepted drift is never put back.
 * Needs the inventory: before the first sync it records nothing.
 */
const demoDrifts: { label: string; where: SQL; spec: (r: Picked) => Spec }[] = [
  { label: "hooli", where: liveOf("hooli"), spec: (r) => ({ size_slug: r.sizeSlug === "s-1vcpu-2gb" ? "s-2vcpu-4gb" : "s-1vcpu-2gb" }) },
  { label: "globex", where: liveOf("globex"), spec: (r) => ({ tags: [...r.tags.filter((t) => t !== "env:prod"), "env:staging"] }) },
  { label: "umbrella", where: liveOf("umbrella"), spec: (r) => ({ size_slug: r.sizeSlug, tags: [...r.tags, "backup:daily"] }) },
  // Live or already gone: either way the spec is what was provisioned.
  { label: "destroyed", where: eq(cloudResources.name, "tenant-initech-vm-2"), spec: (r) => ({ size_slug: r.sizeSlug, tags: r.tags }) },
];

function liveOf(tenant: string): SQL {
  return and(isNull(cloudResources.deletedAt), sql`${`tenant:${tenant}`} = any(${cloudResources.tags})`)!;
}

export async function seedDemoDrift(db: DbOrTx): Promise<string> {
  let recorded = 0;
  for (const d of demoDrifts) {
    const [resource] = await db
      .select({ id: cloudResources.id, sizeSlug: cloudResources.sizeSlug, tags: cloudResources.tags, specId: cloudProvisioned.resourceId })
      .from(cloudResources)
      .leftJoin(cloudProvisioned, eq(cloudProvisioned.resourceId, cloudResources.id))
      .where(and(eq(cloudResources.kind, "droplet"), d.where))
      .orderBy(asc(cloudResources.name))
      .limit(1);
    if (!resource || resource.specId) continue;
    await recordProvisioned(db, resource.id, d.spec(resource), "demo-seed");
    recorded++;
  }
  return `demo drift: ${recorded} specs recorded`;
}
