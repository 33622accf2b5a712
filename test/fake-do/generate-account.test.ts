import { describe, expect, it } from "vitest";
import {
  appSchema,
  databaseSchema,
  domainSchema,
  dropletSchema,
  kubernetesClusterSchema,
  loadBalancerSchema,
  projectSchema,
  reservedIpSchema,
  snapshotSchema,
  volumeSchema,
} from "@/lib/digitalocean/schemas";
import { generateAccount } from "./generate-account";

const NOW = new Date("2026-05-15T12:00:00Z");

describe("generateAccount", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = JSON.stringify(generateAccount({ seed: 5, now: NOW }));
    expect(JSON.stringify(generateAccount({ seed: 5, now: NOW }))).toBe(a);
    expect(JSON.stringify(generateAccount({ seed: 6, now: NOW }))).not.toBe(a);
  });

  it("builds the default small account, plus three DOKS workers per cluster among the droplets", () => {
    const account = generateAccount({ now: NOW });
    expect({
      droplets: account.droplets.length,
      volumes: account.volumes.length,
      snapshots: account.snapshots.length,
      domains: account.domains.length,
      loadBalancers: account.loadBalancers.length,
      databases: account.databases.length,
      kubernetesClusters: account.kubernetesClusters.length,
      reservedIps: account.reservedIps.length,
      apps: account.apps.length,
      projects: account.projects.length,
      tenants: account.tenants.length,
    }).toEqual({
      droplets: 43,
      volumes: 15,
      snapshots: 20,
      domains: 5,
      loadBalancers: 2,
      databases: 2,
      kubernetesClusters: 1,
      reservedIps: 4,
      apps: 3,
      projects: 3,
      tenants: 8,
    });
    expect(account.droplets.filter((d) => d.tags.includes("k8s:worker"))).toHaveLength(3);
  });

  it("produces shapes the client's schemas accept", () => {
    const account = generateAccount({ now: NOW, databases: 3, loadBalancers: 3, apps: 4 });
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, items: unknown[]) => {
      for (const item of items) expect(schema.safeParse(item).error).toBeUndefined();
    };
    check(dropletSchema, account.droplets);
    check(volumeSchema, account.volumes);
    check(snapshotSchema, account.snapshots);
    check(domainSchema, account.domains);
    check(loadBalancerSchema, account.loadBalancers);
    check(databaseSchema, account.databases);
    check(kubernetesClusterSchema, account.kubernetesClusters);
    check(reservedIpSchema, account.reservedIps);
    check(appSchema, account.apps);
    check(projectSchema, account.projects);
  });

  it("names and tags resources the way the demo expects", () => {
    const account = generateAccount({ now: NOW });
    const names = account.droplets.map((d) => d.name);
    expect(names).toContain("arcadia-web-01");
    expect(names.some((n) => /^tenant-acme-vm-\d+$/.test(n))).toBe(true);
    for (const tenant of account.tenants) {
      expect(account.droplets.some((d) => d.tags.includes(`tenant:${tenant}`)), tenant).toBe(true);
    }
    expect(new Set(account.droplets.map((d) => d.region.slug))).toEqual(new Set(["syd1", "sgp1", "nyc3"]));
    expect(account.droplets.every((d) => typeof d.id === "number" && d.size.slug === d.size_slug)).toBe(true);
    expect(new Set(account.droplets.map((d) => d.id)).size).toBe(account.droplets.length);
    const created = account.droplets.map((d) => Date.parse(d.created_at));
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(2 * 365 * 86_400_000);
    expect(account.apps[0]?.spec.name).toBe("arcadia-docs");
    expect(account.snapshots.some((s) => s.resource_type === "volume")).toBe(true);
    expect(account.snapshots.some((s) => s.resource_type === "droplet")).toBe(true);
  });

  it("generates 10k droplets quickly", () => {
    const started = performance.now();
    const account = generateAccount({ now: NOW, droplets: 10_000, volumes: 5_000, snapshots: 5_000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(new Set(account.droplets.map((d) => d.name)).size).toBe(account.droplets.length);
    expect(new Set(account.droplets.map((d) => d.networks.v4[1]?.ip_address)).size).toBe(account.droplets.length);
  });
});
