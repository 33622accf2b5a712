import { findProject, getProjectName } from "./find-project";
import { getSize, monthlyCents, proratedCents } from "./catalog";
import { createRng } from "./create-rng";
import type { FakeAccount, FakeDroplet, FakeVolume } from "./types";

const HOUR = 3_600_000;

// Billing is split in two so a 10k-droplet account can price 30 months quickly: `listBillables` reads the account
// once per version, `buildInvoiceLines` prices one month from that list.

/** One invoice line, amounts in integer cents so totals are exact; times in epoch milliseconds. */
export type InvoiceLine = {
  product: string;
  groupDescription: string;
  description: string;
  /** Billed hours; null for taxes, credits and usage-priced items. */
  hours: number | null;
  start: number;
  end: number;
  amountCents: number;
  projectName: string;
  category: string;
  resourceId?: string;
  resourceUuid?: string;
};

export type InvoicePeriod = { key: string; start: Date; end: Date };

/** Something billed by the hour: what it is, its monthly price, and when it existed. */
export type Billable = {
  product: string;
  groupDescription: string;
  description: string;
  projectName: string;
  /** Monthly price of one unit, in cents. */
  monthlyCents: number;
  units: number;
  fromMs: number;
  untilMs: number;
  resourceId?: string;
  resourceUuid?: string;
};

/**
 * Every line of one month's invoice: each billable for the hours it existed inside the period (deleted resources
 * included), capped at its monthly price, then flat items, a credit some months, and GST on top. `nowMs` cuts the
 * current month short for the month-to-date preview.
 */
export function buildInvoiceLines(
  billables: readonly Billable[],
  period: InvoicePeriod,
  nowMs: number,
  seed: number,
  accountProject: string,
): InvoiceLine[] {
  const periodStart = period.start.getTime();
  const periodEnd = Math.min(period.end.getTime(), nowMs);
  const lines: InvoiceLine[] = [];
  for (const item of billables) {
    const from = Math.max(item.fromMs, periodStart);
    const to = Math.min(item.untilMs, periodEnd);
    if (to <= from) continue;
    // DO bills each started hour.
    const hours = Math.ceil((to - from) / HOUR);
    lines.push({
      product: item.product,
      groupDescription: item.groupDescription,
      description: item.description,
      hours,
      start: from,
      end: to,
      amountCents: item.units * proratedCents(item.monthlyCents, hours),
      projectName: item.projectName,
      category: "iaas",
      resourceId: item.resourceId,
      resourceUuid: item.resourceUuid,
    });
  }
  if (periodEnd > periodStart) {
    const used = { start: periodStart, end: periodEnd, hours: Math.ceil((periodEnd - periodStart) / HOUR) };
    addAccountWideLines(lines, used, `${seed}:${period.key}`, accountProject);
  }
  return lines;
}

/** The account's billables, computed once per account version and reused for every month. */
export function listBillables(account: FakeAccount): Billable[] {
  const out: Billable[] = [];
  const projectOf = (name: string, tags?: readonly string[]) =>
    findProject(account.projects, getProjectName(name, tags))?.name ?? "";
  const time = (iso: string | undefined, fallback: number) => (iso ? Date.parse(iso) : fallback);
  const add = (item: Omit<Billable, "groupDescription" | "units" | "untilMs"> & Partial<Billable>) =>
    out.push({ groupDescription: "", units: 1, untilMs: Number.POSITIVE_INFINITY, ...item });

  const droplets: { droplet: FakeDroplet; deletedAt?: string }[] = account.droplets.map((droplet) => ({ droplet }));
  const volumes: { volume: FakeVolume; deletedAt?: string }[] = account.volumes.map((volume) => ({ volume }));
  for (const gone of account.deleted) {
    if (gone.kind === "droplets") droplets.push({ droplet: gone.resource, deletedAt: gone.deletedAt });
    if (gone.kind === "volumes") volumes.push({ volume: gone.resource, deletedAt: gone.deletedAt });
  }

  for (const { droplet, deletedAt } of droplets) {
    // DOKS workers are billed under their cluster, not as droplets.
    if (droplet.tags.includes("k8s")) continue;
    const monthly = Math.round(droplet.size.price_monthly * 100);
    const base = {
      description: `${droplet.name} (${droplet.size_slug})`,
      projectName: projectOf(droplet.name, droplet.tags),
      fromMs: Date.parse(droplet.created_at),
      untilMs: time(deletedAt, Number.POSITIVE_INFINITY),
      resourceId: String(droplet.id),
    };
    add({ ...base, product: "Droplets", monthlyCents: monthly });
    if (droplet.features.includes("backups")) {
      const backups = Math.round((monthly * monthlyCents.backupsPercent) / 100);
      add({ ...base, product: "Droplet Backups", monthlyCents: backups });
    }
  }

  for (const { volume, deletedAt } of volumes) {
    add({
      product: "Volumes",
      description: `${volume.name} (${volume.size_gigabytes} GiB)`,
      monthlyCents: volume.size_gigabytes * monthlyCents.volumePerGib,
      projectName: projectOf(volume.name, volume.tags),
      fromMs: Date.parse(volume.created_at),
      untilMs: time(deletedAt, Number.POSITIVE_INFINITY),
      resourceUuid: volume.id,
    });
  }

  for (const snapshot of account.snapshots) {
    const isDroplet = snapshot.resource_type === "droplet";
    add({
      product: isDroplet ? "Snapshots" : "Volume Snapshots",
      description: `${snapshot.name} (${snapshot.size_gigabytes} GiB)`,
      monthlyCents: Math.max(1, Math.round(snapshot.size_gigabytes * monthlyCents.snapshotPerGib)),
      projectName: projectOf(snapshot.name, snapshot.tags),
      fromMs: Date.parse(snapshot.created_at),
      ...(isDroplet ? { resourceId: snapshot.id } : { resourceUuid: snapshot.id }),
    });
  }

  for (const lb of account.loadBalancers) {
    add({
      product: "Load Balancers",
      description: `${lb.name} (${lb.size})`,
      monthlyCents: monthlyCents.loadBalancerNode,
      units: lb.size_unit,
      projectName: projectOf(lb.name, lb.tag ? [lb.tag] : []),
      fromMs: Date.parse(lb.created_at),
      resourceUuid: lb.id,
    });
  }

  for (const db of account.databases) {
    add({
      product: "Managed Databases",
      groupDescription: db.name,
      description: `${db.name} (${db.size})`,
      monthlyCents: monthlyCents.database[db.size] ?? 1500,
      units: db.num_nodes,
      projectName: projectOf(db.name, db.tags ?? []),
      fromMs: Date.parse(db.created_at),
      resourceUuid: db.id,
    });
  }

  for (const cluster of account.kubernetesClusters) {
    const base = {
      product: "Kubernetes Clusters",
      groupDescription: cluster.name,
      projectName: projectOf(cluster.name, cluster.tags),
      fromMs: Date.parse(cluster.created_at),
      resourceUuid: cluster.id,
    };
    const controlPlane = cluster.ha ? monthlyCents.kubernetesHaControlPlane : 0;
    add({ ...base, description: `${cluster.name} control plane`, monthlyCents: controlPlane });
    for (const pool of cluster.node_pools) {
      const perNode = Math.round(getSize(pool.size).price_monthly * 100);
      add({ ...base, description: `${pool.name} (${pool.size})`, monthlyCents: perNode, units: pool.count });
    }
  }

  for (const ip of account.reservedIps) {
    if (ip.droplet) continue;
    add({
      product: "Reserved IPs",
      description: `Unused Reserved IP - ${ip.ip}`,
      monthlyCents: monthlyCents.unusedReservedIp,
      projectName: account.projects.find((p) => p.id === ip.project_id)?.name ?? "",
      fromMs: Number.NEGATIVE_INFINITY,
    });
  }

  for (const app of account.apps) {
    for (const service of app.spec.services) {
      add({
        product: "App Platform",
        groupDescription: app.spec.name,
        description: `${app.spec.name} (${service.instance_size_slug})`,
        monthlyCents: monthlyCents.app[service.instance_size_slug] ?? 500,
        units: service.instance_count,
        projectName: projectOf(app.spec.name),
        fromMs: Date.parse(app.created_at),
        resourceUuid: app.id,
      });
    }
  }
  return out;
}

/** Lines with no resource behind them (Spaces, registry, overages), a credit some months, and GST on the rest. */
function addAccountWideLines(
  lines: InvoiceLine[],
  used: { start: number; end: number; hours: number },
  periodSeed: string,
  projectName: string,
): void {
  const rng = createRng(periodSeed);
  const flat = (product: string, description: string, amountCents: number, hours: number | null) =>
    lines.push({ product, groupDescription: "", description, hours, start: used.start, end: used.end, amountCents, projectName, category: "iaas" });

  flat("Spaces Subscription", "Spaces (250 GiB)", proratedCents(monthlyCents.spacesSubscription, used.hours), used.hours);
  flat("Container Registry", "arcadia-registry (basic)", proratedCents(monthlyCents.containerRegistry, used.hours), used.hours);
  const storageOverage = rng.int(0, 40);
  if (storageOverage > 0) flat("Spaces Overage", `Spaces storage overage (${storageOverage} GiB)`, storageOverage * 2, null);
  const transferOverage = rng.int(0, 90);
  if (transferOverage > 30) {
    flat("Bandwidth", `Outbound transfer overage (${transferOverage} GiB)`, transferOverage, null);
  }

  const subtotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (rng.chance(1 / 6) && subtotal > 0) {
    lines.push({
      product: "Credits",
      groupDescription: "",
      description: "Promotional credit",
      hours: null,
      start: used.start,
      end: used.end,
      amountCents: -Math.min(1000, subtotal),
      projectName: "",
      category: "iaas",
    });
  }
  const taxable = lines.reduce((sum, line) => sum + line.amountCents, 0);
  lines.push({
    product: "Taxes",
    groupDescription: "",
    description: "Australian GST",
    hours: null,
    start: used.start,
    end: used.end,
    amountCents: Math.max(0, Math.round(taxable / 10)),
    projectName: "",
    category: "iaas",
  });
}
