import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { cloudResources, type NewCloudResource } from "@/db/schema";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A resource with unique identifiers on every call; override whatever the test cares about. */
export async function createResource(db: DbOrTx, overrides: Partial<NewCloudResource> = {}) {
  const id = unique();
  const [row] = await db
    .insert(cloudResources)
    .values({
      kind: "droplet",
      providerId: overrides.kind === "volume" ? randomUUID() : id,
      name: `res-${id}`,
      region: "syd1",
      sizeSlug: "s-1vcpu-1gb",
      status: "active",
      tags: [],
      attrs: {},
      ...overrides,
    })
    .returning();
  return row!;
}
