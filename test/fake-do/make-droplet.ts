import { getRegion, getSize, regionIpPrefix, type RegionSlug, ubuntuImage } from "./catalog";
import type { FakeDroplet } from "./types";

export type DropletInput = {
  id: number;
  name: string;
  sizeSlug: string;
  region: RegionSlug;
  tags: string[];
  createdAt: string;
  status?: FakeDroplet["status"];
  hasBackups?: boolean;
  vpcUuid?: string;
  /** Picks the host part of the addresses; the generator counts per region so 10k droplets stay distinct. */
  ipIndex?: number;
};

/** A droplet exactly as `GET /v2/droplets` shows one; addresses derive from the id so they never collide. */
export function makeDroplet(input: DropletInput): FakeDroplet {
  const size = getSize(input.sizeSlug);
  const n = (input.ipIndex ?? input.id) % 65536;
  return {
    id: input.id,
    name: input.name,
    memory: size.memory,
    vcpus: size.vcpus,
    disk: size.disk,
    disk_info: [{ type: "local", size: { amount: size.disk, unit: "gib" } }],
    locked: false,
    status: input.status ?? "active",
    kernel: null,
    created_at: input.createdAt,
    features: input.hasBackups ? ["backups", "monitoring", "private_networking"] : ["monitoring", "private_networking"],
    backup_ids: [],
    next_backup_window: input.hasBackups ? getNextBackupWindow(input.createdAt) : null,
    snapshot_ids: [],
    image: ubuntuImage,
    volume_ids: [],
    size,
    size_slug: size.slug,
    networks: {
      v4: [
        {
          ip_address: `10.${input.region === "syd1" ? 126 : input.region === "sgp1" ? 104 : 108}.${n >> 8}.${n & 255}`,
          netmask: "255.255.0.0",
          gateway: "nil",
          type: "private",
        },
        {
          ip_address: `${regionIpPrefix[input.region]}.${n >> 8}.${n & 255}`,
          netmask: "255.255.240.0",
          gateway: `${regionIpPrefix[input.region]}.${n >> 8}.1`,
          type: "public",
        },
      ],
      v6: [],
    },
    region: getRegion(input.region),
    tags: input.tags,
    vpc_uuid: input.vpcUuid ?? getVpcUuid(input.region),
  };
}

/** Applies a droplet's new size or region by swapping the shared catalog objects, never by editing them. */
export function resizeDroplet(droplet: FakeDroplet, sizeSlug: string): void {
  const size = getSize(sizeSlug);
  droplet.size = size;
  droplet.size_slug = size.slug;
  droplet.memory = size.memory;
  droplet.vcpus = size.vcpus;
  droplet.disk = size.disk;
  droplet.disk_info = [{ type: "local", size: { amount: size.disk, unit: "gib" } }];
}

export function getVpcUuid(region: string): string {
  const suffix = { syd1: "a1", sgp1: "b2", nyc3: "c3" }[region] ?? "d4";
  return `5a4981aa-9653-4bd1-bef5-d6bff52042${suffix}`;
}

function getNextBackupWindow(createdAt: string): { start: string; end: string } {
  const hour = new Date(createdAt).getUTCHours();
  const start = new Date(Date.UTC(2030, 0, 1, hour));
  return { start: toIso(start), end: toIso(new Date(start.getTime() + 3 * 3600_000)) };
}

/** ISO 8601 without milliseconds, as DO writes timestamps. */
export function toIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
