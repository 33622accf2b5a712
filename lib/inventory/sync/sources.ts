import "server-only";
import type { ResourceKind } from "@/db/schema/resources";
import type { DoClient } from "@/lib/digitalocean/client";
import { canonicalUrn, type NormalizedResource, normalize } from "./normalize";
import type { ProjectMap } from "./apply-batch";

type PageSource = (client: DoClient) => AsyncIterable<NormalizedResource[]>;

async function* mapPages<T>(pages: AsyncIterable<T[]>, fn: (item: T) => NormalizedResource): AsyncIterable<NormalizedResource[]> {
  for await (const page of pages) yield page.map(fn);
}

/** Where each kind's complete listing comes from, page by page. */
export const kindSources: Record<ResourceKind, PageSource> = {
  droplet: (c) => mapPages(c.listDroplets(), normalize.droplet),
  volume: (c) => mapPages(c.listVolumes(), normalize.volume),
  // One listing covers droplet and volume snapshots; `resource_type` stays in attrs.
  snapshot: (c) => mapPages(c.listSnapshots(), normalize.snapshot),
  domain: (c) => mapPages(c.listDomains(), normalize.domain),
  load_balancer: (c) => mapPages(c.listLoadBalancers(), normalize.load_balancer),
  database: (c) => mapPages(c.listDatabases(), normalize.database),
  kubernetes_cluster: (c) => mapPages(c.listKubernetesClusters(), normalize.kubernetes_cluster),
  reserved_ip: (c) => mapPages(c.listReservedIps(), normalize.reserved_ip),
  app: (c) => mapPages(c.listApps(), normalize.app),
};

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
