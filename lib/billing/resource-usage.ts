import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import type { ResourceEventType, ResourceKind } from "@/db/schema/resources";
import { bytesToGb } from "./integrate-bandwidth";
import { addMonths, monthStart } from "./month";

/** A resource as the meter sees it: what it is now plus its event log (oldest first or not; it is sorted here). */
export interface MeteredResource {
  kind: ResourceKind;
  sizeSlug: string | null;
  attrs: Record<string, unknown>;
  providerCreatedAt: Date | null;
  firstSeenAt: Date;
  deletedAt: Date | null;
  events: { type: ResourceEventType; at: Date; payload: Record<string, unknown> }[];
  /** A Spaces bucket's stored bytes, one sample per day of the month it was seen (any order). */
  storedBytesSamples?: readonly number[];
}

/** What each DO kind is billed in. Kubernetes clusters and apps are not metered: their droplets and parts are. */
export const meteredKinds: Partial<Record<ResourceKind, { kind: CatalogResourceKind; measure: "hours" | "gb_months" | "sampled_gb_months" | "count" }>> = {
  droplet: { kind: "droplet_hours", measure: "hours" },
  volume: { kind: "volume_gb_month", measure: "gb_months" },
  snapshot: { kind: "snapshot_gb_month", measure: "gb_months" },
  domain: { kind: "dns_zones", measure: "count" },
  load_balancer: { kind: "load_balancer_hours", measure: "hours" },
  database: { kind: "database_hours", measure: "hours" },
  reserved_ip: { kind: "reserved_ip_hours", measure: "hours" },
  // Sized by daily samples of its stored bytes (a bucket grows with every upload; no event records that).
  spaces_bucket: { kind: "spaces_gb_month", measure: "sampled_gb_months" },
};

const HOUR_MS = 3_600_000;

/** GB from `attrs.size_gigabytes` (a number) or a `100gb` size slug, as the sync writes volumes and snapshots. */
export function sizeInGb(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const match = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(value.trim()) ?? /^(\d+(?:\.\d+)?)$/.exec(value.trim());
    if (match) return Number(match[1]);
  }
  return null;
}

type Change = { old?: unknown; new?: unknown };

function sizeChange(payload: Record<string, unknown>): { old: number | null; new: number | null } | null {
  const changes = (payload.changes ?? {}) as Record<string, Change>;
  const change = changes["attrs.size_gigabytes"] ?? changes.size_slug;
  if (!change) return null;
  return { old: sizeInGb(change.old), new: sizeInGb(change.new) };
}

/**
 * When the resource existed, as [from, to) intervals in ms: from its creation (DO's `created_at` when it predates our
 * first sight of it) until a `deleted` event, again from each `restored` event.
 */
export function existenceIntervals(r: MeteredResource): [number, number][] {
  const events = [...r.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const created = events.find((e) => e.type === "created")?.at ?? r.firstSeenAt;
  const start = r.providerCreatedAt && r.providerCreatedAt < created ? r.providerCreatedAt : created;
  const out: [number, number][] = [];
  let openAt: number | null = start.getTime();
  for (const e of events) {
    if (e.type === "deleted" && openAt !== null) {
      out.push([openAt, e.at.getTime()]);
      openAt = null;
    } else if (e.type === "restored" && openAt === null) {
      openAt = e.at.getTime();
    }
  }
  if (openAt !== null) out.push([openAt, r.deletedAt ? r.deletedAt.getTime() : Number.POSITIVE_INFINITY]);
  return out.filter(([a, b]) => b > a);
}

/** The size in GB over time: [from ms, GB] steps, starting with the size before the first recorded resize. */
export function sizeSteps(r: MeteredResource): [number, number][] {
  const events = [...r.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const changes = events.flatMap((e) => {
    const c = e.type === "updated" ? sizeChange(e.payload) : null;
    return c ? [{ at: e.at.getTime(), ...c }] : [];
  });
  const current = sizeInGb(r.attrs.size_gigabytes) ?? sizeInGb(r.sizeSlug) ?? 0;
  const createdSize = sizeInGb(events.find((e) => e.type === "created")?.payload.size_slug);
  const initial = changes[0]?.old ?? createdSize ?? current;
  return [[Number.NEGATIVE_INFINITY, initial], ...changes.map((c): [number, number] => [c.at, c.new ?? current])];
}

/**
 * One resource's usage in the month `period`, in the catalog kind it is billed in: droplet (and load balancer,
 * database, reserved IP) hours, GB-months of volumes and snapshots weighted by how long each size lasted, a Spaces
 * bucket's GB-months as the mean of its daily stored-bytes samples times the fraction of the month it existed (a
 * day without a sample, say a failed sync, is taken to hold the mean), and a DNS zone counted once if it existed at
 * any time in the month. Null for kinds that are not metered.
 */
export function resourceUsage(r: MeteredResource, period: string): { kind: CatalogResourceKind; quantity: number } | null {
  const metered = meteredKinds[r.kind];
  if (!metered) return null;
  const monthFrom = monthStart(period).getTime();
  const monthTo = monthStart(addMonths(period, 1)).getTime();
  const inMonth = existenceIntervals(r)
    .map(([a, b]): [number, number] => [Math.max(a, monthFrom), Math.min(b, monthTo)])
    .filter(([a, b]) => b > a);
  if (metered.measure === "count") return { kind: metered.kind, quantity: inMonth.length ? 1 : 0 };
  if (metered.measure === "sampled_gb_months") {
    const samples = r.storedBytesSamples ?? [];
    if (!samples.length) return { kind: metered.kind, quantity: 0 };
    const meanGb = bytesToGb(samples.reduce((a, b) => a + b, 0) / samples.length);
    const existedMs = inMonth.reduce((sum, [a, b]) => sum + (b - a), 0);
    return { kind: metered.kind, quantity: round6((meanGb * existedMs) / (monthTo - monthFrom)) };
  }
  if (metered.measure === "hours") {
    return { kind: metered.kind, quantity: round6(inMonth.reduce((sum, [a, b]) => sum + (b - a) / HOUR_MS, 0)) };
  }
  const steps = sizeSteps(r);
  let gbMs = 0;
  for (const [a, b] of inMonth) {
    steps.forEach(([from, gb], i) => {
      const to = steps[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
      const overlap = Math.min(b, to) - Math.max(a, from);
      if (overlap > 0) gbMs += gb * overlap;
    });
  }
  return { kind: metered.kind, quantity: round6(gbMs / (monthTo - monthFrom)) };
}

/** Usage is stored with six decimals. */
export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
