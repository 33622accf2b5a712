import type { Rng } from "./create-rng";
import { pickRandomTime } from "./generate-droplets";
import { getRegion } from "./catalog";
import { toIso } from "./make-droplet";
import type { FakeDroplet, FakeSnapshot, FakeVolume } from "./types";

const DAY = 86_400_000;
const volumeSizes = [10, 20, 50, 100, 250, 500];
const volumeSizeWeights = [25, 25, 20, 15, 10, 5];

/** Volumes, most attached to a droplet in their region and named after its owner, plus a few deleted ones. */
export function generateVolumes(
  rng: Rng,
  options: { count: number; droplets: FakeDroplet[]; nowMs: number; windowStartMs: number },
): { volumes: FakeVolume[]; deleted: { volume: FakeVolume; deletedAt: string }[] } {
  const { count, nowMs, windowStartMs } = options;
  const attachable = options.droplets.filter((d) => !d.tags.includes("k8s"));
  const nodes = options.droplets.filter((d) => d.tags.includes("k8s"));
  const counters = new Map<string, number>();
  const numbered = (base: string) => {
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };

  const volumes: FakeVolume[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const sizeGib = rng.weighted(volumeSizes, volumeSizeWeights);
    if (roll < 0.1 && nodes.length) {
      const node = rng.pick(nodes);
      volumes.push(
        makeVolume(rng, `pvc-${rng.uuid()}`, node, sizeGib, ["k8s", ...node.tags.filter((t) => t.startsWith("k8s:"))], nowMs),
      );
    } else if (roll < 0.8 && attachable.length) {
      const droplet = rng.pick(attachable);
      const tenantTag = droplet.tags.find((t) => t.startsWith("tenant:"));
      const name = tenantTag
        ? numbered(`tenant-${tenantTag.slice("tenant:".length)}-data`)
        : droplet.tags.includes("arcadia")
          ? numbered("arcadia-data")
          : numbered(`${droplet.name}-vol`);
      const tags = tenantTag ? [tenantTag] : droplet.tags.includes("arcadia") ? ["arcadia"] : [];
      volumes.push(makeVolume(rng, name, droplet, sizeGib, tags, nowMs));
    } else {
      volumes.push(makeVolume(rng, numbered("scratch-vol"), undefined, sizeGib, [], nowMs));
    }
  }
  volumes.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));

  const deleted: { volume: FakeVolume; deletedAt: string }[] = [];
  const deletedCount = count > 0 ? Math.max(1, Math.round(count * 0.05)) : 0;
  for (let i = 0; i < deletedCount; i++) {
    const deletedAt = pickRandomTime(rng, windowStartMs + DAY, nowMs - DAY);
    const volume = makeVolume(rng, numbered("scratch"), undefined, 5 * rng.int(1, 20), [], nowMs);
    volume.created_at = toIso(new Date(pickRandomTime(rng, deletedAt - 90 * DAY, deletedAt - DAY)));
    deleted.push({ volume, deletedAt: toIso(new Date(deletedAt)) });
  }
  return { volumes, deleted };
}

function makeVolume(
  rng: Rng,
  name: string,
  droplet: FakeDroplet | undefined,
  sizeGib: number,
  tags: string[],
  nowMs: number,
): FakeVolume {
  const createdFrom = droplet ? Date.parse(droplet.created_at) : nowMs - 4 * 365 * DAY;
  const volume: FakeVolume = {
    id: rng.uuid(),
    region: droplet ? droplet.region : getRegion(rng.pick(["syd1", "sgp1", "nyc3"])),
    droplet_ids: droplet ? [droplet.id] : [],
    name,
    description: droplet ? `Block storage for ${droplet.name}` : "",
    size_gigabytes: sizeGib,
    created_at: toIso(new Date(pickRandomTime(rng, createdFrom, nowMs - DAY))),
    filesystem_type: "ext4",
    filesystem_label: name.slice(0, 16),
    tags,
  };
  droplet?.volume_ids.push(volume.id);
  return volume;
}

/** Droplet and volume snapshots; some droplet snapshots outlive their droplet, as `old-staging-final` does. */
export function generateSnapshots(
  rng: Rng,
  options: {
    count: number;
    droplets: FakeDroplet[];
    deletedDroplets: { droplet: FakeDroplet; deletedAt: string }[];
    volumes: FakeVolume[];
    nowMs: number;
  },
): FakeSnapshot[] {
  const { count, volumes, nowMs } = options;
  const droplets = options.droplets.filter((d) => !d.tags.includes("k8s"));
  const snapshots: FakeSnapshot[] = [];
  let nextId = 180_000_000;
  for (let i = 0; i < count; i++) {
    const fromVolume = volumes.length > 0 && (droplets.length === 0 || rng.chance(0.4));
    if (fromVolume) {
      const volume = rng.pick(volumes);
      const created = pickRandomTime(rng, Date.parse(volume.created_at), nowMs - DAY);
      snapshots.push({
        id: rng.uuid(),
        name: `${volume.name}-snap-${toIso(new Date(created)).slice(0, 10)}`,
        created_at: toIso(new Date(created)),
        regions: [volume.region.slug],
        resource_id: volume.id,
        resource_type: "volume",
        min_disk_size: volume.size_gigabytes,
        size_gigabytes: Math.round((0.2 + rng.next() * volume.size_gigabytes * 0.3) * 100) / 100,
        tags: [...volume.tags],
      });
      continue;
    }
    const useDeleted = options.deletedDroplets.length > 0 && (droplets.length === 0 || rng.chance(0.15));
    const source = useDeleted ? rng.pick(options.deletedDroplets) : undefined;
    const droplet = source?.droplet ?? rng.pick(droplets);
    const until = source ? Date.parse(source.deletedAt) : nowMs - DAY;
    const created = pickRandomTime(rng, Date.parse(droplet.created_at), until);
    nextId += rng.int(1, 900);
    const suffix = source ? "final" : rng.chance(0.3) ? "weekly" : toIso(new Date(created)).slice(0, 10);
    snapshots.push({
      id: String(nextId),
      name: `${droplet.name}-${suffix}`,
      created_at: toIso(new Date(created)),
      regions: [droplet.region.slug],
      resource_id: String(droplet.id),
      resource_type: "droplet",
      min_disk_size: droplet.disk,
      size_gigabytes: Math.round((0.8 + rng.next() * Math.min(droplet.disk, 60) * 0.15) * 100) / 100,
      tags: [...droplet.tags],
    });
    if (!source) droplet.snapshot_ids.push(nextId);
  }
  return snapshots.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}
