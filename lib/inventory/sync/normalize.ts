import "server-only";
import type { ResourceKind } from "@/db/schema/resources";
import type { UsageSampleMetric } from "@/db/schema/usage-samples";
import type {
  DoApp,
  DoDatabase,
  DoDomain,
  DoDroplet,
  DoKubernetesCluster,
  DoLoadBalancer,
  DoReservedIp,
  DoSnapshot,
  DoVolume,
} from "@/lib/digitalocean/schemas";
import type { SpacesBucket } from "@/lib/digitalocean/spaces-client";
import { dollarNumberToCents } from "@/lib/money/parse-amount-cents";

/** A DO resource in our shape, before it meets the database. */
export interface NormalizedResource {
  kind: ResourceKind;
  providerId: string;
  name: string;
  region: string | null;
  sizeSlug: string | null;
  status: string | null;
  tags: string[];
  monthlyPriceCents: number | null;
  providerCreatedAt: Date | null;
  /** Everything else DO told us (tags live in their own column). */
  attrs: Record<string, unknown>;
  /** The project URN DO uses for this resource, to attach project membership. */
  urn: string;
  /** Today's measurements, stored as the day's usage samples (the day's last reading wins). */
  readings?: Partial<Record<UsageSampleMetric, number>>;
}

/**
 * Attrs that are measurements, not configuration: kept current on the row, their history is the daily samples, so a
 * change in them alone records no `updated` event (a bucket's size changes with every upload).
 */
export const readingAttrs: ReadonlySet<string> = new Set(["stored_bytes", "object_count"]);

function date(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function rest(obj: Record<string, unknown>): Record<string, unknown> {
  const { tags: _tags, ...others } = obj;
  return others;
}

/**
 * DO embeds catalogue data in resources: a region's `sizes` and `features`, a size's and an image's `regions`. They
 * describe DO's offer, not the resource, and are the same for every droplet in a region; kept, a catalogue change
 * (a size offered in one more region) would be an `updated` event on every resource there, and they are a fifth of a
 * droplet's bytes. The resource keeps what identifies them.
 */
function withoutCatalog<T extends Record<string, unknown>>(obj: T | null | undefined, keys: readonly string[]) {
  if (!obj) return obj;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) kept[k] = v;
  return kept;
}
const regionCatalog = ["sizes", "features", "available"] as const;
const offerCatalog = ["regions", "available"] as const;

const sortedTags = (tags: readonly string[] | null | undefined) => [...new Set(tags ?? [])].sort();

export const normalize = {
  droplet: (d: DoDroplet): NormalizedResource => ({
    kind: "droplet",
    providerId: String(d.id),
    name: d.name,
    region: d.region.slug,
    sizeSlug: d.size_slug,
    status: d.status,
    tags: sortedTags(d.tags),
    monthlyPriceCents: dollarNumberToCents(d.size.price_monthly),
    providerCreatedAt: date(d.created_at),
    attrs: {
      ...rest(d),
      region: withoutCatalog(d.region, regionCatalog),
      size: withoutCatalog(d.size, offerCatalog),
      image: withoutCatalog(d.image, ["regions"]),
    },
    urn: `do:droplet:${d.id}`,
  }),
  volume: (v: DoVolume): NormalizedResource => ({
    kind: "volume",
    providerId: v.id,
    name: v.name,
    region: v.region.slug,
    sizeSlug: `${v.size_gigabytes}gb`,
    status: v.droplet_ids.length ? "attached" : "available",
    tags: sortedTags(v.tags),
    monthlyPriceCents: null,
    providerCreatedAt: date(v.created_at),
    attrs: { ...rest(v), region: withoutCatalog(v.region, regionCatalog) },
    urn: `do:volume:${v.id}`,
  }),
  snapshot: (s: DoSnapshot): NormalizedResource => ({
    kind: "snapshot",
    providerId: s.id,
    name: s.name,
    region: s.regions[0] ?? null,
    sizeSlug: `${s.size_gigabytes}gb`,
    status: "available",
    tags: sortedTags(s.tags),
    monthlyPriceCents: null,
    providerCreatedAt: date(s.created_at),
    attrs: rest(s),
    urn: `do:snapshot:${s.id}`,
  }),
  domain: ({ zone_file, ...d }: DoDomain): NormalizedResource => ({
    kind: "domain",
    providerId: d.name,
    name: d.name,
    region: null,
    sizeSlug: null,
    status: "active",
    tags: [],
    monthlyPriceCents: null,
    providerCreatedAt: null,
    // The zone file changes with every record edit and can be large; the record count is what we need.
    attrs: { ...rest(d), zone_file_lines: zone_file ? zone_file.split("\n").length : null },
    urn: `do:domain:${d.name}`,
  }),
  load_balancer: (lb: DoLoadBalancer): NormalizedResource => ({
    kind: "load_balancer",
    providerId: lb.id,
    name: lb.name,
    region: lb.region?.slug ?? null,
    sizeSlug: lb.size ?? (lb.size_unit ? `${lb.size_unit}-node` : null),
    status: lb.status,
    tags: lb.tag ? [lb.tag] : [],
    monthlyPriceCents: null,
    providerCreatedAt: date(lb.created_at),
    attrs: { ...rest(lb), region: withoutCatalog(lb.region, regionCatalog) },
    urn: `do:loadbalancer:${lb.id}`,
  }),
  database: (db: DoDatabase): NormalizedResource => ({
    kind: "database",
    providerId: db.id,
    name: db.name,
    region: db.region,
    sizeSlug: db.size,
    status: db.status,
    tags: sortedTags(db.tags),
    monthlyPriceCents: null,
    providerCreatedAt: date(db.created_at),
    attrs: rest(db),
    urn: `do:dbaas:${db.id}`,
  }),
  kubernetes_cluster: (k: DoKubernetesCluster): NormalizedResource => ({
    kind: "kubernetes_cluster",
    providerId: k.id,
    name: k.name,
    region: k.region,
    // A cluster's size is its node pools; the first pool's size is what people look for in a list.
    sizeSlug: k.node_pools[0]?.size ?? null,
    status: k.status.state,
    tags: sortedTags(k.tags),
    monthlyPriceCents: null,
    providerCreatedAt: date(k.created_at),
    attrs: rest(k),
    urn: `do:kubernetes:${k.id}`,
  }),
  reserved_ip: (ip: DoReservedIp): NormalizedResource => ({
    kind: "reserved_ip",
    providerId: ip.ip,
    name: ip.ip,
    region: ip.region.slug,
    sizeSlug: null,
    status: ip.droplet ? "assigned" : "unassigned",
    tags: [],
    monthlyPriceCents: null,
    providerCreatedAt: null,
    // Keep the assignment, not the whole embedded droplet (it would make every droplet change an IP change too).
    attrs: { ...rest(ip), region: { slug: ip.region.slug }, droplet: ip.droplet ? { id: ip.droplet.id } : null },
    urn: `do:reservedip:${ip.ip}`,
  }),
  app: (a: DoApp): NormalizedResource => ({
    kind: "app",
    providerId: a.id,
    name: a.spec.name,
    region: a.region?.data_centers?.[0] ?? a.region?.slug ?? null,
    sizeSlug: a.tier_slug ?? null,
    status: (a as { active_deployment?: { phase?: string } }).active_deployment?.phase?.toLowerCase() ?? "active",
    tags: [],
    monthlyPriceCents: null,
    providerCreatedAt: date(a.created_at),
    attrs: rest(a),
    urn: `do:app:${a.id}`,
  }),
  spaces_bucket: (b: SpacesBucket & { tenantTag: string | null }): NormalizedResource => ({
    kind: "spaces_bucket",
    // Bucket names are unique across Spaces; DO's projects name a bucket `do:space:<name>`.
    providerId: b.name,
    name: b.name,
    region: b.region,
    sizeSlug: null,
    status: "active",
    tags: sortedTags(b.tenantTag ? [...b.tags, b.tenantTag] : b.tags),
    monthlyPriceCents: null,
    providerCreatedAt: b.createdAt,
    attrs: { stored_bytes: b.storedBytes, object_count: b.objectCount },
    urn: `do:space:${b.name}`,
    readings: { stored_bytes: b.storedBytes },
  }),
} satisfies Record<ResourceKind, (item: never) => NormalizedResource>;

/** Project resource URNs name some kinds differently from the resource lists (floating IPs became reserved IPs). */
export function canonicalUrn(urn: string): string {
  return urn.replace(/^do:floatingip:/, "do:reservedip:");
}
