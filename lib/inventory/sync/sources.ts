import "server-only";
import { type ResourceKind, resourceKinds } from "@/db/schema/resources";
import type { DoClient } from "@/lib/digitalocean/client";
import { createSpacesClient, type SpacesClient } from "@/lib/digitalocean/spaces-client";
import type { BaseEnv } from "@/lib/platform/env";
import type { ProjectMap } from "./apply-batch";
import { bucketTenantTag } from "./bucket-tenant";
import { canonicalUrn, type NormalizedResource, normalize } from "./normalize";

/** Spaces, when its keys are configured: the S3-compatible client and the tenant tag prefix its name rule uses. */
export interface SpacesSource {
  client: SpacesClient;
  tenantTagPrefix: string;
}

/** What the listings read from: DO's API, and Spaces when configured. */
export interface SyncSources {
  doClient: DoClient;
  spaces?: SpacesSource;
}

export class SpacesNotConfiguredError extends Error {
  constructor() {
    super("Spaces is not configured: set SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY");
    this.name = "SpacesNotConfiguredError";
  }
}

type SpacesEnv = Pick<BaseEnv, "SPACES_ACCESS_KEY_ID" | "SPACES_SECRET_ACCESS_KEY" | "SPACES_REGIONS" | "SPACES_ENDPOINT" | "TENANT_TAG_PREFIX">;

/** Spaces for this configuration, or undefined without keys. Half a key pair is a mistake worth stopping on. */
export function spacesSourceFromEnv(e: SpacesEnv): SpacesSource | undefined {
  const { SPACES_ACCESS_KEY_ID: accessKeyId, SPACES_SECRET_ACCESS_KEY: secretAccessKey } = e;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) throw new Error("Spaces needs both SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY (or neither)");
  const client = createSpacesClient({ accessKeyId, secretAccessKey, regions: e.SPACES_REGIONS, endpoint: e.SPACES_ENDPOINT });
  return { client, tenantTagPrefix: e.TENANT_TAG_PREFIX };
}

type PageSource = (sources: SyncSources) => AsyncIterable<NormalizedResource[]>;

async function* mapPages<T>(pages: AsyncIterable<T[]>, fn: (item: T) => NormalizedResource): AsyncIterable<NormalizedResource[]> {
  for await (const page of pages) yield page.map(fn);
}

/** Where each kind's complete listing comes from, page by page. */
export const kindSources: Record<ResourceKind, PageSource> = {
  droplet: ({ doClient: c }) => mapPages(c.listDroplets(), normalize.droplet),
  volume: ({ doClient: c }) => mapPages(c.listVolumes(), normalize.volume),
  // One listing covers droplet and volume snapshots; `resource_type` stays in attrs.
  snapshot: ({ doClient: c }) => mapPages(c.listSnapshots(), normalize.snapshot),
  domain: ({ doClient: c }) => mapPages(c.listDomains(), normalize.domain),
  load_balancer: ({ doClient: c }) => mapPages(c.listLoadBalancers(), normalize.load_balancer),
  database: ({ doClient: c }) => mapPages(c.listDatabases(), normalize.database),
  kubernetes_cluster: ({ doClient: c }) => mapPages(c.listKubernetesClusters(), normalize.kubernetes_cluster),
  reserved_ip: ({ doClient: c }) => mapPages(c.listReservedIps(), normalize.reserved_ip),
  app: ({ doClient: c }) => mapPages(c.listApps(), normalize.app),
  spaces_bucket: ({ spaces }) => {
    if (!spaces) throw new SpacesNotConfiguredError();
    return mapPages(spaces.client.listBuckets(), (b) => normalize.spaces_bucket({ ...b, tenantTag: bucketTenantTag(b.name, b.tags, spaces.tenantTagPrefix) }));
  },
};

/** The kinds a sync of "every kind" lists: Spaces buckets only when Spaces is configured. */
export function syncableKinds(sources: Pick<SyncSources, "spaces">): ResourceKind[] {
  return resourceKinds.filter((k) => k !== "spaces_bucket" || sources.spaces !== undefined);
}

/**
 * Project membership of every resource, keyed by URN: one listing of projects, then each project's resources,
 * a few projects at a time (the client's retry and rate-limit handling applies to each listing).
 */
export async function fetchProjectMap(client: DoClient, parallel = 3): Promise<ProjectMap> {
  const map: ProjectMap = new Map();
  const projects: { id: string; name: string }[] = [];
  for await (const page of client.listProjects()) projects.push(...page);
  let next = 0;
  const worker = async () => {
    while (next < projects.length) {
      const project = projects[next++]!;
      for await (const resources of client.listProjectResources(project.id)) {
        for (const r of resources) map.set(canonicalUrn(r.urn), { id: project.id, name: project.name });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, projects.length) }, worker));
  return map;
}
