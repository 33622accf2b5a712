// Plain constants of the resources tables, free of drizzle, so client components can name them (see catalog-kinds.ts).

/** The kinds of DO resource we track, named as DO names them, singular. */
export const resourceKinds = [
  "droplet",
  "volume",
  "snapshot",
  "domain",
  "load_balancer",
  "database",
  "kubernetes_cluster",
  "reserved_ip",
  "app",
  // Not in DO's v2 API: listed through the S3-compatible Spaces API, when Spaces keys are configured.
  "spaces_bucket",
] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const resourceEventTypes = ["created", "updated", "deleted", "restored", "drift_detected", "drift_accepted"] as const;
export type ResourceEventType = (typeof resourceEventTypes)[number];

export const syncRunStatuses = ["running", "succeeded", "failed", "abandoned"] as const;
export type SyncRunStatus = (typeof syncRunStatuses)[number];
