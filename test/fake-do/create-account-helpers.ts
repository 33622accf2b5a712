import type { RegionSlug } from "./catalog";
import { makeDroplet, resizeDroplet, toIso } from "./make-droplet";
import { getRegion } from "./catalog";
import type { DeletedResource, FakeAccount, FakeDroplet, ResourceKind } from "./types";

export type AddDropletInput = {
  name?: string;
  sizeSlug?: string;
  region?: RegionSlug;
  tags?: string[];
  status?: FakeDroplet["status"];
  /** Defaults to the fake's `now`. */
  createdAt?: string;
  hasBackups?: boolean;
};

export type DropletPatch = {
  name?: string;
  status?: FakeDroplet["status"];
  sizeSlug?: string;
  region?: RegionSlug;
  tags?: string[];
};

/** How each kind is addressed in `removeResource`: droplets by numeric id, domains by name, reserved IPs by ip. */
const keyOf: Record<ResourceKind, (resource: never) => string> = {
  droplets: (r: FakeDroplet) => String(r.id),
  volumes: (r: { id: string }) => r.id,
  snapshots: (r: { id: string }) => r.id,
  domains: (r: { name: string }) => r.name,
  loadBalancers: (r: { id: string }) => r.id,
  databases: (r: { id: string }) => r.id,
  kubernetesClusters: (r: { id: string }) => r.id,
  reservedIps: (r: { ip: string }) => r.ip,
  apps: (r: { id: string }) => r.id,
};

/**
 * Mutations between syncs. Each bumps `account.version` so billing recomputes; tests may also edit the arrays
 * directly (then bump `account.version` themselves if invoices should follow).
 */
export function createAccountHelpers(account: FakeAccount, now: Date) {
  const allDroplets = () => [
    ...account.droplets,
    ...account.deleted.flatMap((d) => (d.kind === "droplets" ? [d.resource] : [])),
  ];

  const getDroplet = (id: number) => {
    const droplet = account.droplets.find((d) => d.id === id);
    if (!droplet) throw new Error(`fake DO: no droplet ${id}`);
    return droplet;
  };

  return {
    addDroplet(input: AddDropletInput = {}): FakeDroplet {
      const id = allDroplets().reduce((max, d) => Math.max(max, d.id), 412_000_000) + 7;
      const droplet = makeDroplet({
        id,
        name: input.name ?? `tenant-new-vm-${id % 10_000}`,
        sizeSlug: input.sizeSlug ?? "s-1vcpu-1gb",
        region: input.region ?? "syd1",
        tags: input.tags ?? [],
        status: input.status ?? "active",
        createdAt: input.createdAt ?? toIso(now),
        hasBackups: input.hasBackups ?? false,
      });
      account.droplets.push(droplet);
      account.version++;
      return droplet;
    },

    updateDroplet(id: number, patch: DropletPatch): FakeDroplet {
      const droplet = getDroplet(id);
      if (patch.name !== undefined) droplet.name = patch.name;
      if (patch.status !== undefined) droplet.status = patch.status;
      if (patch.tags !== undefined) droplet.tags = [...patch.tags];
      if (patch.sizeSlug !== undefined) resizeDroplet(droplet, patch.sizeSlug);
      if (patch.region !== undefined) droplet.region = getRegion(patch.region);
      account.version++;
      return droplet;
    },

    /** Stops listing the resource; it stays on invoices up to now, like a resource deleted in DO. */
    removeResource(kind: ResourceKind, id: string | number): boolean {
      const list = account[kind] as { [key: string]: unknown }[];
      const key = String(id);
      const index = list.findIndex((resource) => (keyOf[kind] as (r: unknown) => string)(resource) === key);
      if (index < 0) return false;
      const [resource] = list.splice(index, 1);
      account.deleted.push({ kind, resource, deletedAt: toIso(now) } as DeletedResource);
      if (kind === "droplets") detachDroplet(account, Number(id));
      account.version++;
      return true;
    },
  };
}

function detachDroplet(account: FakeAccount, dropletId: number): void {
  for (const ip of account.reservedIps) if (ip.droplet?.id === dropletId) ip.droplet = null;
  for (const volume of account.volumes) volume.droplet_ids = volume.droplet_ids.filter((d) => d !== dropletId);
  for (const lb of account.loadBalancers) lb.droplet_ids = lb.droplet_ids.filter((d) => d !== dropletId);
}

export type AccountHelpers = ReturnType<typeof createAccountHelpers>;
