import { tenantNames } from "./catalog";
import { createRng } from "./create-rng";
import { generateDroplets } from "./generate-droplets";
import {
  generateApps,
  generateDatabases,
  generateDomains,
  generateLoadBalancers,
  generateProjects,
  generateReservedIps,
} from "./generate-services";
import { generateSnapshots, generateVolumes } from "./generate-storage";
import type { AccountSizes, FakeAccount, FakeOwner } from "./types";

export const defaultAccountSizes: AccountSizes = {
  droplets: 40,
  volumes: 15,
  snapshots: 20,
  domains: 5,
  loadBalancers: 2,
  databases: 2,
  kubernetesClusters: 1,
  reservedIps: 4,
  apps: 3,
  projects: 3,
  invoicesMonths: 30,
  tenants: 8,
};

export type GenerateAccountOptions = Partial<AccountSizes> & { seed?: number; now?: Date };

/** First instant of the UTC month `monthsBack` months before the one holding `now`. */
export function getMonthStart(now: Date, monthsBack = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
}

/**
 * A whole DO account, the same for the same seed and `now`. Counts are for live, listed resources; on top come DOKS
 * worker droplets (three per cluster, listed among droplets as DO does) and deleted droplets and volumes that only
 * invoices mention.
 */
export function generateAccount(options: GenerateAccountOptions = {}): FakeAccount {
  const sizes = { ...defaultAccountSizes, ...options };
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const rng = createRng(options.seed ?? 1);
  const windowStartMs = getMonthStart(now, sizes.invoicesMonths).getTime();
  const tenants = Array.from({ length: sizes.tenants }, (_, i) => {
    const base = tenantNames[i % tenantNames.length] ?? "tenant";
    const round = Math.floor(i / tenantNames.length);
    return round ? `${base}${round + 1}` : base;
  });

  const owner: FakeOwner = {
    droplet_limit: 25_000,
    floating_ip_limit: 200,
    email: "ops@arcadia.example",
    name: "Arcadia Ops",
    uuid: rng.hex(40),
    email_verified: true,
    status: "active",
    status_message: "",
    team: { uuid: rng.hex(40), name: "Arcadia Cloud" },
  };
  const projects = generateProjects(rng, sizes.projects, owner, nowMs);
  const ctx = { rng, nowMs, tenants, projects };

  const { droplets, deleted, clusters } = generateDroplets(rng, {
    count: sizes.droplets,
    clusters: sizes.kubernetesClusters,
    tenants,
    nowMs,
    windowStartMs,
  });
  const storage = generateVolumes(rng, { count: sizes.volumes, droplets, nowMs, windowStartMs });
  const snapshots = generateSnapshots(rng, {
    count: sizes.snapshots,
    droplets,
    deletedDroplets: deleted,
    volumes: storage.volumes,
    nowMs,
  });

  return {
    owner,
    tenants,
    droplets,
    volumes: storage.volumes,
    snapshots,
    domains: generateDomains(ctx, sizes.domains),
    loadBalancers: generateLoadBalancers(ctx, sizes.loadBalancers, droplets),
    databases: generateDatabases(ctx, sizes.databases),
    kubernetesClusters: clusters,
    reservedIps: generateReservedIps(ctx, sizes.reservedIps, droplets),
    apps: generateApps(ctx, sizes.apps, owner),
    projects,
    deleted: [
      ...deleted.map((d) => ({ kind: "droplets" as const, resource: d.droplet, deletedAt: d.deletedAt })),
      ...storage.deleted.map((d) => ({ kind: "volumes" as const, resource: d.volume, deletedAt: d.deletedAt })),
    ],
    version: 0,
  };
}
