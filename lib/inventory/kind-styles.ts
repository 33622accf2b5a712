import type { ResourceKind } from "@/db/schema/resource-constants";

/** How each kind of DO resource shows on every page: its label, and its color in charts (the COGS chart and table). */
export const kindStyles: Record<ResourceKind, { label: string; color: string }> = {
  droplet: { label: "Droplets", color: "#0369a1" },
  volume: { label: "Volumes", color: "#0d9488" },
  snapshot: { label: "Snapshots", color: "#7c3aed" },
  domain: { label: "Domains", color: "#0891b2" },
  load_balancer: { label: "Load balancers", color: "#db2777" },
  database: { label: "Databases", color: "#ea580c" },
  kubernetes_cluster: { label: "Kubernetes", color: "#65a30d" },
  reserved_ip: { label: "Reserved IPs", color: "#ca8a04" },
  app: { label: "Apps", color: "#4f46e5" },
  spaces_bucket: { label: "Spaces buckets", color: "#be123c" },
};

export const kindLabels = Object.fromEntries(Object.entries(kindStyles).map(([kind, s]) => [kind, s.label])) as Record<ResourceKind, string>;
