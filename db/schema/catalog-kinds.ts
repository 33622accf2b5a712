// Plain constants, free of drizzle, so client components (the catalog editor's forms) can import them.

/**
 * What a plan, an add-on or a fallback price is measured in. Units of consumption, not DO resource kinds: a droplet
 * is billed in droplet_hours, Spaces in GB-months.
 */
export const catalogResourceKinds = [
  "droplet_hours",
  "volume_gb_month",
  "spaces_gb_month",
  "snapshot_gb_month",
  "bandwidth_gb",
  "dns_zones",
  "load_balancer_hours",
  "database_hours",
  "reserved_ip_hours",
  "llm_tokens",
] as const;
export type CatalogResourceKind = (typeof catalogResourceKinds)[number];

export const planVersionStatuses = ["draft", "active", "retired"] as const;
export type PlanVersionStatus = (typeof planVersionStatuses)[number];

export const billingIntervals = ["month"] as const;
export type BillingInterval = (typeof billingIntervals)[number];
