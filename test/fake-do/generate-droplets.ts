import { type DropletSizeSlug, type RegionSlug, regionSlugs } from "./catalog";
import type { Rng } from "./create-rng";
import { makeDroplet, toIso, getVpcUuid } from "./make-droplet";
import type { FakeDroplet, FakeKubernetesCluster } from "./types";

const DAY = 86_400_000;
const YEAR = 365 * DAY;

const internalRoles = ["web", "worker", "api", "cron", "ci-runner", "cache", "bastion", "monitor"] as const;
const strayNames = ["old-staging", "build-runner-tmp", "scratch", "test-box", "migration-temp", "debug-shell"];

const tenantSizes: DropletSizeSlug[] = [
  "s-1vcpu-512mb-10gb",
  "s-1vcpu-1gb",
  "s-1vcpu-2gb",
  "s-2vcpu-2gb",
  "s-2vcpu-4gb",
  "s-4vcpu-8gb",
  "s-8vcpu-16gb",
  "g-2vcpu-8gb",
];
const tenantSizeWeights = [5, 35, 25, 10, 15, 7, 2, 1];
const internalSizes: DropletSizeSlug[] = ["s-1vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb", "c-4", "g-2vcpu-8gb"];
const internalSizeWeights = [30, 30, 20, 10, 10];
const regionWeights = [6, 3, 1];

type Plan = {
  name: string;
  sizeSlug: string;
  region: RegionSlug;
  tags: string[];
  createdAt: number;
  deletedAt?: number;
  status: FakeDroplet["status"];
  hasBackups: boolean;
  clusterIndex?: number;
};

export type GeneratedDroplets = {
  droplets: FakeDroplet[];
  deleted: { droplet: FakeDroplet; deletedAt: string }[];
  clusters: FakeKubernetesCluster[];
};

export function pickRandomTime(rng: Rng, fromMs: number, toMs: number): number {
  return Math.floor((fromMs + rng.next() * Math.max(0, toMs - fromMs)) / 1000) * 1000;
}

/**
 * Live droplets (internal, tenant and untagged strays), DOKS worker nodes (listed as droplets, as DO does) and deleted
 * droplets that only invoices still mention. Ids rise with creation time, like DO's.
 */
export function generateDroplets(
  rng: Rng,
  options: { count: number; clusters: number; tenants: string[]; nowMs: number; windowStartMs: number },
): GeneratedDroplets {
  const { count, tenants, nowMs, windowStartMs } = options;
  const plans: Plan[] = [];
  const homeRegion = new Map(tenants.map((t) => [t, rng.weighted(regionSlugs, regionWeights)]));
  const tenantWeights = tenants.map((_, i) => 1 / (i + 1));
  const vmCounter = new Map<string, number>();
  const nextName = (base: string) => {
    const n = (vmCounter.get(base) ?? 0) + 1;
    vmCounter.set(base, n);
    return n;
  };

  let tenantVmCount = 0;
  const planTenantVm = (createdAt: number, isLive = true): Plan => {
    // Every tenant gets a live VM before the skew (big tenants own more) kicks in, so none is left empty.
    const tenant = (isLive ? tenants[tenantVmCount++] : undefined) ?? rng.weighted(tenants, tenantWeights);
    const home = homeRegion.get(tenant) ?? "syd1";
    return {
      name: `tenant-${tenant}-vm-${nextName(`tenant-${tenant}`)}`,
      sizeSlug: rng.weighted(tenantSizes, tenantSizeWeights),
      region: rng.chance(0.85) ? home : rng.weighted(regionSlugs, regionWeights),
      tags: [`tenant:${tenant}`, "env:prod"],
      createdAt,
      status: rng.chance(0.92) ? "active" : "off",
      hasBackups: rng.chance(0.3),
    };
  };
  const planInternal = (createdAt: number, index: number): Plan => {
    const role = internalRoles[index % internalRoles.length] ?? "web";
    return {
      name: `arcadia-${role}-${String(nextName(role)).padStart(2, "0")}`,
      sizeSlug: rng.weighted(internalSizes, internalSizeWeights),
      region: rng.weighted(regionSlugs, regionWeights),
      tags: ["arcadia", "env:prod", `role:${role}`],
      createdAt,
      status: "active",
      hasBackups: rng.chance(0.5),
    };
  };
  const planStray = (createdAt: number, index: number): Plan => {
    const base = strayNames[index % strayNames.length] ?? "scratch";
    const n = nextName(base);
    return {
      name: n === 1 ? base : `${base}-${n}`,
      sizeSlug: rng.pick(["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb"]),
      region: rng.weighted(regionSlugs, regionWeights),
      tags: rng.chance(0.5) ? [] : ["env:dev"],
      createdAt,
      status: rng.chance(0.6) ? "active" : "off",
      hasBackups: false,
    };
  };

  const liveFrom = nowMs - 5 * YEAR;
  const liveTo = nowMs - DAY;
  const stray = count >= 10 ? Math.round(count * 0.1) : 0;
  const tenantVms = tenants.length ? Math.round((count - stray) * 0.72) : 0;
  const internal = count - stray - tenantVms;
  // Deleted droplets: billed in the months they lived, so they must die inside the invoice window.
  const deletedCount = count > 0 ? Math.max(3, Math.round(count * 0.1)) : 0;
  for (let i = 0; i < deletedCount; i++) {
    const deletedAt = pickRandomTime(rng, windowStartMs + DAY, nowMs - DAY);
    const createdAt = pickRandomTime(rng, windowStartMs - YEAR, deletedAt - DAY);
    const plan = i < 2 || !tenants.length ? planStray(createdAt, i) : planTenantVm(createdAt, false);
    plans.push({ ...plan, deletedAt });
  }

  // One big memory-optimised box, run for one whole month four months back and then deleted: that month's invoice has
  // a line over $1,000 (quoted, with a thousands separator) and a droplet spend the cost anomaly rule flags, while the
  // months around it stay at a healthy reseller's level.
  const now = new Date(nowMs);
  const analyticsFrom = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1);
  const analyticsUntil = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1) - 1000;
  const hasAnalytics = count >= 20 && internal > 0 && analyticsFrom > windowStartMs;
  // Drawn whether or not it is used, so the rest of the account stays what it was for its seed.
  void pickRandomTime(rng, liveFrom, liveTo);
  if (hasAnalytics) {
    plans.push({
      name: "arcadia-analytics-01",
      sizeSlug: "m-16vcpu-128gb",
      region: "syd1",
      tags: ["arcadia", "env:prod", "role:analytics"],
      createdAt: analyticsFrom,
      deletedAt: analyticsUntil,
      status: "active",
      hasBackups: true,
    });
  }
  for (let i = 0; i < internal; i++) {
    plans.push(planInternal(pickRandomTime(rng, liveFrom, liveTo), i));
  }
  for (let i = 0; i < tenantVms; i++) plans.push(planTenantVm(pickRandomTime(rng, liveFrom, liveTo)));
  for (let i = 0; i < stray; i++) plans.push(planStray(pickRandomTime(rng, liveFrom, liveTo), i));

  const clusters = planClusters(rng, options.clusters, nowMs, plans);

  plans.sort((a, b) => a.createdAt - b.createdAt);
  let id = 412_000_000;
  const ipIndex = new Map<RegionSlug, number>();
  const droplets: FakeDroplet[] = [];
  const deleted: GeneratedDroplets["deleted"] = [];
  for (const plan of plans) {
    id += rng.int(1, 40);
    const index = (ipIndex.get(plan.region) ?? 256) + 1;
    ipIndex.set(plan.region, index);
    const droplet = makeDroplet({ ...plan, id, createdAt: toIso(new Date(plan.createdAt)), ipIndex: index });
    if (plan.clusterIndex !== undefined) attachNode(rng, clusters[plan.clusterIndex], droplet);
    if (plan.deletedAt === undefined) droplets.push(droplet);
    else deleted.push({ droplet, deletedAt: toIso(new Date(plan.deletedAt)) });
  }
  return { droplets, deleted, clusters };
}

/** Clusters with one pool of three workers; the workers join `plans` and get their droplet ids with the rest. */
function planClusters(rng: Rng, count: number, nowMs: number, plans: Plan[]): FakeKubernetesCluster[] {
  const clusters: FakeKubernetesCluster[] = [];
  for (let c = 0; c < count; c++) {
    const id = rng.uuid();
    const name = c === 0 ? "tenant-k8s" : c === 1 ? "arcadia-k8s" : `tenant-k8s-${c}`;
    const region: RegionSlug = c % 2 === 0 ? "syd1" : "sgp1";
    const createdAt = pickRandomTime(rng, nowMs - 3 * YEAR, nowMs - 30 * DAY);
    const created = toIso(new Date(createdAt));
    const poolName = `${name}-pool-1`;
    // The shared tenant cluster is the reseller's own cost: a `tenant:` tag would make it look like a customer.
    const tags = ["k8s", `k8s:${id}`, c === 1 ? "arcadia" : "pool:tenants"];
    clusters.push({
      id,
      name,
      region,
      version: "1.31.1-do.3",
      cluster_subnet: "10.244.0.0/16",
      service_subnet: "10.245.0.0/16",
      vpc_uuid: getVpcUuid(region),
      ipv4: `${region === "syd1" ? "170.64" : "128.199"}.${200 + c}.10`,
      endpoint: `https://${id}.k8s.ondigitalocean.com`,
      tags,
      node_pools: [
        {
          id: rng.uuid(),
          name: poolName,
          size: "s-2vcpu-4gb",
          count: 3,
          tags: [...tags, "k8s:worker"],
          labels: null,
          taints: [],
          auto_scale: false,
          min_nodes: 0,
          max_nodes: 0,
          nodes: [],
        },
      ],
      maintenance_policy: { start_time: "00:00", duration: "4h0m0s", day: "any" },
      auto_upgrade: false,
      status: { state: "running", message: "" },
      created_at: created,
      updated_at: created,
      surge_upgrade: true,
      registry_enabled: false,
      ha: false,
    });
    for (let n = 0; n < 3; n++) {
      plans.push({
        name: `${poolName}-${rng.hex(5)}`,
        sizeSlug: "s-2vcpu-4gb",
        region,
        tags: ["k8s", `k8s:${id}`, "k8s:worker"],
        createdAt: createdAt + (n + 1) * 60_000,
        status: "active",
        hasBackups: false,
        clusterIndex: c,
      });
    }
  }
  return clusters;
}

function attachNode(rng: Rng, cluster: FakeKubernetesCluster | undefined, droplet: FakeDroplet): void {
  const pool = cluster?.node_pools[0];
  if (!pool) return;
  pool.nodes.push({
    id: rng.uuid(),
    name: droplet.name,
    status: { state: "running" },
    droplet_id: String(droplet.id),
    created_at: droplet.created_at,
    updated_at: droplet.created_at,
  });
}
