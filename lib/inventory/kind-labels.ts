import type { ResourceKind } from "@/db/schema/resources";

export const kindLabels: Record<ResourceKind, string> = {
  droplet: "Droplets",
  volume: "Volumes",
  snapshot: "Snapshots",
  domain: "Domains",
  load_balancer: "Load balancers",
  database: "Databases",
  kubernetes_cluster: "Kubernetes",
  reserved_ip: "Reserved IPs",
  app: "Apps",
};
