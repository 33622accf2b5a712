import { type CatalogResourceKind, catalogResourceKinds } from "@/db/schema/catalog-kinds";

// Components take the kinds from here, not from db/: the UI's constants come through lib/.
export { catalogResourceKinds };

/**
 * How each resource kind reads to people: its label, the noun for a quantity of it, and the unit overage is usually
 * charged in (the editor's default; a plan item may name another).
 */
export const resourceKindInfo: Record<CatalogResourceKind, { label: string; noun: string; defaultUnit: string }> = {
  droplet_hours: { label: "Droplet hours", noun: "droplet hours", defaultUnit: "hour" },
  volume_gb_month: { label: "Block storage", noun: "GB-months", defaultUnit: "GB-month" },
  spaces_gb_month: { label: "Spaces storage", noun: "GB-months", defaultUnit: "GB-month" },
  snapshot_gb_month: { label: "Snapshot storage", noun: "GB-months", defaultUnit: "GB-month" },
  bandwidth_gb: { label: "Outbound transfer", noun: "GB", defaultUnit: "GB" },
  dns_zones: { label: "DNS zones", noun: "zones", defaultUnit: "zone" },
  load_balancer_hours: { label: "Load balancer hours", noun: "load balancer hours", defaultUnit: "hour" },
  database_hours: { label: "Managed database hours", noun: "database hours", defaultUnit: "hour" },
  reserved_ip_hours: { label: "Reserved IP hours", noun: "reserved IP hours", defaultUnit: "hour" },
  llm_tokens: { label: "LLM tokens", noun: "tokens", defaultUnit: "1M tokens" },
};

/** The kinds in the catalog's order with their labels: a resource-kind select's options. */
export const catalogResourceKindOptions = catalogResourceKinds.map((k) => ({ value: k, label: resourceKindInfo[k].label }));

export function resourceKindLabel(kind: CatalogResourceKind): string {
  return resourceKindInfo[kind].label;
}

/** "2,000,000 tokens", "744 droplet hours". */
export function formatQuantity(kind: CatalogResourceKind, qty: number): string {
  return `${qty.toLocaleString("en-AU")} ${resourceKindInfo[kind].noun}`;
}
