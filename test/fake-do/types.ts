// The fake's own view of DO's JSON, written from the spec examples. It deliberately doesn't reuse the client's zod
// schemas, so a test that parses fake output with those schemas checks two independent readings of the spec.

export type FakeRegion = { name: string; slug: string; features: string[]; available: boolean; sizes: string[] };

export type FakeSize = {
  slug: string;
  memory: number;
  vcpus: number;
  disk: number;
  transfer: number;
  price_monthly: number;
  price_hourly: number;
  regions: string[];
  available: boolean;
  description: string;
};

export type FakeImage = {
  id: number;
  name: string;
  distribution: string;
  slug: string;
  public: boolean;
  regions: string[];
  created_at: string;
  type: string;
  min_disk_size: number;
  size_gigabytes: number;
  description: string;
  tags: string[];
  status: string;
  error_message: string;
};

export type FakeNetwork = { ip_address: string; netmask: string | number; gateway: string; type: "public" | "private" };

export type FakeDroplet = {
  id: number;
  name: string;
  memory: number;
  vcpus: number;
  disk: number;
  disk_info: { type: string; size: { amount: number; unit: string } }[];
  locked: boolean;
  status: "new" | "active" | "off" | "archive";
  kernel: null;
  created_at: string;
  features: string[];
  backup_ids: number[];
  next_backup_window: { start: string; end: string } | null;
  snapshot_ids: number[];
  image: FakeImage;
  volume_ids: string[];
  size: FakeSize;
  size_slug: string;
  networks: { v4: FakeNetwork[]; v6: FakeNetwork[] };
  region: FakeRegion;
  tags: string[];
  vpc_uuid: string;
};

export type FakeVolume = {
  id: string;
  region: FakeRegion;
  droplet_ids: number[];
  name: string;
  description: string;
  size_gigabytes: number;
  created_at: string;
  filesystem_type: string;
  filesystem_label: string;
  tags: string[];
};

export type FakeSnapshot = {
  id: string;
  name: string;
  created_at: string;
  regions: string[];
  resource_id: string;
  resource_type: "droplet" | "volume";
  min_disk_size: number;
  size_gigabytes: number;
  tags: string[];
};

export type FakeDomain = { name: string; ttl: number; zone_file: string };

export type FakeLoadBalancer = {
  id: string;
  name: string;
  ip: string;
  size_unit: number;
  size: string;
  algorithm: string;
  status: string;
  created_at: string;
  forwarding_rules: Record<string, unknown>[];
  health_check: Record<string, unknown>;
  sticky_sessions: { type: string };
  region: FakeRegion;
  tag: string;
  droplet_ids: number[];
  redirect_http_to_https: boolean;
  enable_proxy_protocol: boolean;
  enable_backend_keepalive: boolean;
  vpc_uuid: string;
  disable_lets_encrypt_dns_records: boolean;
  project_id: string;
  http_idle_timeout_seconds: number;
};

export type FakeDatabase = {
  id: string;
  name: string;
  engine: string;
  version: string;
  connection: Record<string, unknown>;
  private_connection: Record<string, unknown>;
  users: { name: string; role: string; password: string }[];
  db_names: string[] | null;
  num_nodes: number;
  region: string;
  status: string;
  created_at: string;
  maintenance_window: Record<string, unknown>;
  size: string;
  tags: string[] | null;
  private_network_uuid: string;
  storage_size_mib: number;
  project_id: string;
};

export type FakeNodePool = {
  id: string;
  name: string;
  size: string;
  count: number;
  tags: string[];
  labels: null;
  taints: unknown[];
  auto_scale: boolean;
  min_nodes: number;
  max_nodes: number;
  nodes: { id: string; name: string; status: { state: string }; droplet_id: string; created_at: string; updated_at: string }[];
};

export type FakeKubernetesCluster = {
  id: string;
  name: string;
  region: string;
  version: string;
  cluster_subnet: string;
  service_subnet: string;
  vpc_uuid: string;
  ipv4: string;
  endpoint: string;
  tags: string[];
  node_pools: FakeNodePool[];
  maintenance_policy: { start_time: string; duration: string; day: string };
  auto_upgrade: boolean;
  status: { state: string; message: string };
  created_at: string;
  updated_at: string;
  surge_upgrade: boolean;
  registry_enabled: boolean;
  ha: boolean;
};

export type FakeReservedIp = {
  ip: string;
  region: FakeRegion;
  droplet: FakeDroplet | null;
  locked: boolean;
  project_id: string;
};

export type FakeAppRegion = { slug: string; label: string; flag: string; continent: string; data_centers: string[] };

export type FakeApp = {
  id: string;
  owner_uuid: string;
  spec: {
    name: string;
    region: string;
    services: { name: string; instance_size_slug: string; instance_count: number; http_port: number }[];
  };
  default_ingress: string;
  created_at: string;
  updated_at: string;
  last_deployment_created_at: string;
  live_url: string;
  region: FakeAppRegion;
  tier_slug: string;
};

export type FakeProject = {
  id: string;
  owner_uuid: string;
  owner_id: number;
  name: string;
  description: string;
  purpose: string;
  environment: "Development" | "Staging" | "Production";
  is_default: boolean;
  created_at: string;
  updated_at: string;
};

export type FakeOwner = {
  droplet_limit: number;
  floating_ip_limit: number;
  email: string;
  name: string;
  uuid: string;
  email_verified: boolean;
  status: string;
  status_message: string;
  team: { uuid: string; name: string };
};

export type ResourceKind =
  | "droplets"
  | "volumes"
  | "snapshots"
  | "domains"
  | "loadBalancers"
  | "databases"
  | "kubernetesClusters"
  | "reservedIps"
  | "apps";

/** A resource DO no longer lists but that still appears on the invoices of the months it existed. */
export type DeletedResource =
  | { kind: "droplets"; resource: FakeDroplet; deletedAt: string }
  | { kind: "volumes"; resource: FakeVolume; deletedAt: string }
  | { kind: "snapshots"; resource: FakeSnapshot; deletedAt: string }
  | { kind: "domains"; resource: FakeDomain; deletedAt: string }
  | { kind: "loadBalancers"; resource: FakeLoadBalancer; deletedAt: string }
  | { kind: "databases"; resource: FakeDatabase; deletedAt: string }
  | { kind: "kubernetesClusters"; resource: FakeKubernetesCluster; deletedAt: string }
  | { kind: "reservedIps"; resource: FakeReservedIp; deletedAt: string }
  | { kind: "apps"; resource: FakeApp; deletedAt: string };

/** `GET /v2/actions/{id}`'s `action` (actions/models/action.yml). */
export type FakeAction = {
  id: number;
  status: "in-progress" | "completed" | "errored";
  type: string;
  started_at: string;
  completed_at: string | null;
  resource_id: number | null;
  resource_type: string;
  region: FakeRegion | null;
  region_slug: string | null;
};

export type FakeAccount = {
  owner: FakeOwner;
  tenants: string[];
  droplets: FakeDroplet[];
  volumes: FakeVolume[];
  snapshots: FakeSnapshot[];
  domains: FakeDomain[];
  loadBalancers: FakeLoadBalancer[];
  databases: FakeDatabase[];
  kubernetesClusters: FakeKubernetesCluster[];
  reservedIps: FakeReservedIp[];
  apps: FakeApp[];
  projects: FakeProject[];
  deleted: DeletedResource[];
  /** Explicit project assignments (`POST /v2/projects/{id}/resources`) by URN; they win over the name/tag rule. */
  projectAssignments?: Record<string, string>;
  /** Bumped by every helper mutation; billing caches key on it. Bump it yourself after editing arrays directly. */
  version: number;
};

export type AccountSizes = {
  droplets: number;
  volumes: number;
  snapshots: number;
  domains: number;
  loadBalancers: number;
  databases: number;
  kubernetesClusters: number;
  reservedIps: number;
  apps: number;
  projects: number;
  invoicesMonths: number;
  tenants: number;
};
