import { findProjectFor } from "./find-project";
import { getAppRegion, getRegion, type RegionSlug, regionIpPrefix } from "./catalog";
import type { Rng } from "./create-rng";
import { pickRandomTime } from "./generate-droplets";
import { toIso, getVpcUuid } from "./make-droplet";
import type {
  FakeApp,
  FakeDatabase,
  FakeDomain,
  FakeDroplet,
  FakeLoadBalancer,
  FakeOwner,
  FakeProject,
  FakeReservedIp,
} from "./types";

const DAY = 86_400_000;
const YEAR = 365 * DAY;

type Context = { rng: Rng; nowMs: number; tenants: string[]; projects: FakeProject[] };

const createdIso = (ctx: Context, maxYearsAgo = 4) =>
  toIso(new Date(pickRandomTime(ctx.rng, ctx.nowMs - maxYearsAgo * YEAR, ctx.nowMs - 7 * DAY)));

/** Tenant-scoped names for the n-th item beyond the fixed internal ones: tenant-acme-…, tenant-globex-…, then numbered. */
function makeTenantName(ctx: Context, index: number, suffix: string): { name: string; tenant?: string } {
  const tenant = ctx.tenants[index % Math.max(1, ctx.tenants.length)];
  if (!tenant) return { name: `extra-${suffix}-${index + 1}` };
  const round = Math.floor(index / ctx.tenants.length);
  return { name: `tenant-${tenant}-${suffix}${round ? `-${round + 1}` : ""}`, tenant };
}

export function generateProjects(rng: Rng, count: number, owner: FakeOwner, nowMs: number): FakeProject[] {
  const fixed = [
    ["default", "Default project", "Just trying out DigitalOcean", "Development"],
    ["arcadia", "Arcadia platform services", "Service or API", "Production"],
    ["tenants", "Workloads run for customers", "Web Application", "Production"],
    ["staging", "Pre-production copies", "Web Application", "Staging"],
    ["internal-tools", "Build and ops tooling", "Operational / Developer tooling", "Development"],
  ] as const;
  return Array.from({ length: Math.max(1, count) }, (_, i) => {
    const [name, description, purpose, environment] = fixed[i] ?? [`sandbox-${i - 4}`, "Sandbox", "IoT", "Development"];
    const created = toIso(new Date(pickRandomTime(rng, nowMs - 6 * YEAR, nowMs - YEAR)));
    return {
      id: rng.uuid(),
      owner_uuid: owner.uuid,
      owner_id: 8_312_442,
      name,
      description,
      purpose,
      environment,
      is_default: i === 0,
      created_at: created,
      updated_at: created,
    };
  });
}

export function generateDomains(ctx: Context, count: number): FakeDomain[] {
  const names = ["arcadia.example", "arcadia-status.example", ...ctx.tenants.map((t) => `${t}.example.com`)];
  return Array.from({ length: count }, (_, i) => {
    const name = names[i] ?? `site-${i + 1}.example.net`;
    return {
      name,
      ttl: 1800,
      zone_file: [
        `$ORIGIN ${name}.`,
        "$TTL 1800",
        `${name}. IN SOA ns1.digitalocean.com. hostmaster.${name}. 1715982609 10800 3600 604800 1800`,
        `${name}. 1800 IN NS ns1.digitalocean.com.`,
        `${name}. 1800 IN NS ns2.digitalocean.com.`,
        `${name}. 1800 IN NS ns3.digitalocean.com.`,
        "",
      ].join("\n"),
    };
  });
}

export function generateLoadBalancers(ctx: Context, count: number, droplets: FakeDroplet[]): FakeLoadBalancer[] {
  return Array.from({ length: count }, (_, i) => {
    const { name, tenant } = i === 0 ? { name: "arcadia-lb", tenant: undefined } : makeTenantName(ctx, i - 1, "lb");
    const tag = tenant ? `tenant:${tenant}` : "";
    const backends = droplets.filter((d) => (tag ? d.tags.includes(tag) : d.name.startsWith("arcadia-web")));
    const region = (backends[0]?.region.slug ?? "syd1") as RegionSlug;
    return {
      id: ctx.rng.uuid(),
      name,
      ip: `${regionIpPrefix[region]}.${240 + ((i >> 8) & 7)}.${(i + 10) & 255}`,
      size_unit: 1,
      size: "lb-small",
      algorithm: "round_robin",
      status: "active",
      created_at: createdIso(ctx),
      forwarding_rules: [
        { entry_protocol: "https", entry_port: 443, target_protocol: "http", target_port: 8080, tls_passthrough: false },
      ],
      health_check: {
        protocol: "http",
        port: 8080,
        path: "/healthz",
        check_interval_seconds: 10,
        response_timeout_seconds: 5,
        healthy_threshold: 5,
        unhealthy_threshold: 3,
      },
      sticky_sessions: { type: "none" },
      region: getRegion(region),
      tag,
      droplet_ids: backends.filter((d) => d.region.slug === region).slice(0, 10).map((d) => d.id),
      redirect_http_to_https: true,
      enable_proxy_protocol: false,
      enable_backend_keepalive: false,
      vpc_uuid: getVpcUuid(region),
      disable_lets_encrypt_dns_records: false,
      project_id: findProjectFor(ctx, name, tag ? [tag] : [])?.id ?? "",
      http_idle_timeout_seconds: 60,
    };
  });
}

export function generateDatabases(ctx: Context, count: number): FakeDatabase[] {
  const fixed = [
    { name: "arcadia-pg", engine: "pg", version: "16", size: "db-s-1vcpu-2gb", nodes: 2, tags: ["arcadia"] },
    { name: "arcadia-valkey", engine: "valkey", version: "8", size: "db-s-1vcpu-1gb", nodes: 1, tags: null },
  ];
  return Array.from({ length: count }, (_, i) => {
    const extra = makeTenantName(ctx, i - fixed.length, "mysql");
    const spec = fixed[i] ?? {
      name: extra.name,
      engine: "mysql",
      version: "8",
      size: "db-s-1vcpu-1gb",
      nodes: 1,
      tags: extra.tenant ? [`tenant:${extra.tenant}`] : null,
    };
    const password = `AVNS_${ctx.rng.hex(20)}`;
    const host = `${spec.name}-do-user-8312442-0.f.db.ondigitalocean.com`;
    const port = spec.engine === "pg" ? 25060 : 25061;
    const connection = (prefix: string) => ({
      uri: `${spec.engine === "pg" ? "postgresql" : spec.engine}://doadmin:${password}@${prefix}${host}:${port}/defaultdb?sslmode=require`,
      database: "defaultdb",
      host: `${prefix}${host}`,
      port,
      user: "doadmin",
      password,
      ssl: true,
    });
    return {
      id: ctx.rng.uuid(),
      name: spec.name,
      engine: spec.engine,
      version: spec.version,
      connection: connection(""),
      private_connection: connection("private-"),
      users: [{ name: "doadmin", role: "primary", password }],
      db_names: spec.engine === "valkey" ? null : ["defaultdb"],
      num_nodes: spec.nodes,
      region: i % 3 === 2 ? "sgp1" : "syd1",
      status: "online",
      created_at: createdIso(ctx),
      maintenance_window: { day: "sunday", hour: "03:00:00", pending: false, description: [] },
      size: spec.size,
      tags: spec.tags,
      private_network_uuid: getVpcUuid("syd1"),
      storage_size_mib: 30720,
      project_id: findProjectFor(ctx, spec.name, spec.tags ?? [])?.id ?? "",
    };
  });
}

/** Half assigned to a droplet in their region (DO then embeds the whole droplet), half reserved but unused. */
export function generateReservedIps(ctx: Context, count: number, droplets: FakeDroplet[]): FakeReservedIp[] {
  const candidates = droplets.filter((d) => !d.tags.includes("k8s"));
  return Array.from({ length: count }, (_, i) => {
    const droplet = i % 2 === 0 && candidates.length ? ctx.rng.pick(candidates) : null;
    const region = (droplet?.region.slug ?? ctx.rng.pick(["syd1", "sgp1"])) as RegionSlug;
    return {
      ip: `${regionIpPrefix[region]}.${248 + ((i >> 8) & 7)}.${(i + 10) & 255}`,
      region: getRegion(region),
      droplet,
      locked: false,
      project_id: findProjectFor(ctx, droplet?.name ?? "arcadia", droplet?.tags)?.id ?? "",
    };
  });
}

export function generateApps(ctx: Context, count: number, owner: FakeOwner): FakeApp[] {
  const fixed = ["arcadia-docs", "arcadia-status-page"];
  return Array.from({ length: count }, (_, i) => {
    const name = fixed[i] ?? makeTenantName(ctx, i - fixed.length, "portal").name;
    const region: RegionSlug = i % 3 === 1 ? "sgp1" : "syd1";
    const appRegion = getAppRegion(region);
    const created = createdIso(ctx, 3);
    const host = `${name}-${ctx.rng.hex(5)}.ondigitalocean.app`;
    const size = i === 0 ? "apps-s-1vcpu-0.5gb" : ctx.rng.pick(["apps-s-1vcpu-0.5gb", "apps-s-1vcpu-1gb"]);
    return {
      id: ctx.rng.uuid(),
      owner_uuid: owner.uuid,
      spec: {
        name,
        region: appRegion.slug,
        services: [{ name: "web", instance_size_slug: size, instance_count: 1, http_port: 8080 }],
      },
      default_ingress: `https://${host}`,
      created_at: created,
      updated_at: created,
      last_deployment_created_at: created,
      live_url: `https://${host}`,
      region: appRegion,
      tier_slug: "basic",
    };
  });
}
