import type { FakeAppRegion, FakeImage, FakeRegion, FakeSize } from "./types";

// Slugs and list prices close to DO's public price list; the fake bills from these, in integer cents.

export const regionSlugs = ["syd1", "sgp1", "nyc3"] as const;
export type RegionSlug = (typeof regionSlugs)[number];

const regionNames: Record<RegionSlug, string> = { syd1: "Sydney 1", sgp1: "Singapore 1", nyc3: "New York 3" };

/** First two octets of the public IPv4 space DO uses in each region. */
export const regionIpPrefix: Record<RegionSlug, string> = { syd1: "170.64", sgp1: "128.199", nyc3: "159.203" };

const dropletSizeSpecs = [
  // slug, memory MiB, vcpus, disk GB, transfer TB, monthly USD, description
  ["s-1vcpu-512mb-10gb", 512, 1, 10, 0.5, 4, "Basic"],
  ["s-1vcpu-1gb", 1024, 1, 25, 1, 6, "Basic"],
  ["s-1vcpu-2gb", 2048, 1, 50, 2, 12, "Basic"],
  ["s-2vcpu-2gb", 2048, 2, 60, 3, 18, "Basic"],
  ["s-2vcpu-4gb", 4096, 2, 80, 4, 24, "Basic"],
  ["s-4vcpu-8gb", 8192, 4, 160, 5, 48, "Basic"],
  ["s-8vcpu-16gb", 16384, 8, 320, 6, 96, "Basic"],
  ["g-2vcpu-8gb", 8192, 2, 25, 4, 63, "General Purpose"],
  ["c-4", 8192, 4, 50, 5, 84, "CPU-Optimized"],
  ["m-16vcpu-128gb", 131072, 16, 400, 9, 1008, "Memory-Optimized"],
] as const;

export const dropletSizeSlugs = dropletSizeSpecs.map(([slug]) => slug);
export type DropletSizeSlug = (typeof dropletSizeSlugs)[number];

const regionObjects = new Map<string, FakeRegion>(
  regionSlugs.map((slug) => [
    slug,
    {
      name: regionNames[slug],
      slug,
      features: ["private_networking", "backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"],
      available: true,
      sizes: [...dropletSizeSlugs],
    },
  ]),
);

// Shared objects keep 10k droplets cheap; helpers swap the reference instead of mutating, so sharing is safe.
const sizeObjects = new Map<string, FakeSize>(
  dropletSizeSpecs.map(([slug, memory, vcpus, disk, transfer, monthly, description]) => [
    slug,
    {
      slug,
      memory,
      vcpus,
      disk,
      transfer,
      price_monthly: monthly,
      price_hourly: Math.round((monthly / 672) * 100000) / 100000,
      regions: [...regionSlugs],
      available: true,
      description,
    },
  ]),
);

export function getRegion(slug: string): FakeRegion {
  const region = regionObjects.get(slug);
  if (!region) throw new Error(`fake DO: unknown region ${slug}`);
  return region;
}

export function getSize(slug: string): FakeSize {
  const size = sizeObjects.get(slug);
  if (!size) throw new Error(`fake DO: unknown droplet size ${slug}`);
  return size;
}

export const ubuntuImage: FakeImage = {
  id: 168527519,
  name: "24.04 (LTS) x64",
  distribution: "Ubuntu",
  slug: "ubuntu-24-04-x64",
  public: true,
  regions: [...regionSlugs],
  created_at: "2024-10-22T15:54:01Z",
  type: "base",
  min_disk_size: 7,
  size_gigabytes: 2.51,
  description: "Ubuntu 24.04 (LTS) x64",
  tags: [],
  status: "available",
  error_message: "",
};

const appRegions: Record<RegionSlug, FakeAppRegion> = {
  syd1: { slug: "syd", label: "Sydney", flag: "australia", continent: "Australia", data_centers: ["syd1"] },
  sgp1: { slug: "sgp", label: "Singapore", flag: "singapore", continent: "Asia", data_centers: ["sgp1"] },
  nyc3: { slug: "nyc", label: "New York", flag: "usa", continent: "North America", data_centers: ["nyc1", "nyc3"] },
};

export function getAppRegion(slug: RegionSlug): FakeAppRegion {
  return appRegions[slug];
}

/** Monthly list prices in cents for the non-droplet products. */
export const monthlyCents = {
  volumePerGib: 10,
  snapshotPerGib: 6,
  loadBalancerNode: 1200,
  unusedReservedIp: 500,
  kubernetesHaControlPlane: 4000,
  backupsPercent: 20,
  spacesSubscription: 500,
  containerRegistry: 500,
  database: { "db-s-1vcpu-1gb": 1500, "db-s-1vcpu-2gb": 3000, "db-s-2vcpu-4gb": 6000 } as Record<string, number>,
  app: { "apps-s-1vcpu-0.5gb": 500, "apps-s-1vcpu-1gb": 1200, "apps-s-1vcpu-2gb": 2500 } as Record<string, number>,
};

/** DO bills by the hour up to a monthly cap, at monthly/672 per hour. */
export function proratedCents(monthly: number, hours: number): number {
  return Math.min(monthly, Math.round((monthly * hours) / 672));
}

export const tenantNames = [
  "acme",
  "globex",
  "initech",
  "umbrella",
  "hooli",
  "stark",
  "wayne",
  "wonka",
  "soylent",
  "tyrell",
  "cyberdyne",
  "aperture",
  "vandelay",
  "oscorp",
  "piedpiper",
  "massive",
] as const;
