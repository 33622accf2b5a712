import "server-only";
import { z } from "zod";

// Written from DO's OpenAPI examples (/work/shared/do-api/spec, `fixtures/spec-examples.json`). Fields the product reads
// are required so a changed API fails loudly at the boundary; every object is loose so the fields we don't model
// survive into `attrs`. Statuses and types stay plain strings: one new value from DO must not fail a 10k-item sync.

/** DO prices and bills in US dollars: every amount its API sends (sizes' prices, balance, invoices) is in it. */
export const doCurrency = "USD";

/** USD decimal string such as "12.34" or "-5.00". Kept as text; the cost code converts to integer cents. */
export const moneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal USD amount");

const regionRefSchema = z.looseObject({ slug: z.string() });

// DO sends `null` instead of `[]` for untagged snapshots and database clusters.
const tagsSchema = z
  .array(z.string())
  .nullish()
  .transform((tags) => tags ?? []);

export const pageLinksSchema = z.looseObject({
  pages: z
    .looseObject({
      first: z.string().optional(),
      prev: z.string().optional(),
      next: z.string().optional(),
      last: z.string().optional(),
    })
    .optional(),
});

export const pageMetaSchema = z.looseObject({ total: z.number().int().optional() });

/** A paginated list body: `{ [key]: T[], links, meta }`. Kubernetes omits `links`; an empty list sends `links: {}`. */
export function paginatedSchema<K extends string, T extends z.ZodType>(key: K, item: T) {
  const shape = {
    [key]: z.array(item),
    links: pageLinksSchema.optional(),
    meta: pageMetaSchema.optional(),
  } as { [P in K]: z.ZodArray<T> } & {
    links: z.ZodOptional<typeof pageLinksSchema>;
    meta: z.ZodOptional<typeof pageMetaSchema>;
  };
  return z.looseObject(shape);
}

export const doErrorBodySchema = z.looseObject({
  id: z.string(),
  message: z.string(),
  request_id: z.string().optional(),
});

export const accountSchema = z.looseObject({
  uuid: z.string(),
  email: z.string(),
  status: z.string(),
  email_verified: z.boolean(),
  droplet_limit: z.number().int(),
  floating_ip_limit: z.number().int(),
  status_message: z.string(),
  name: z.string().optional(),
  team: z.looseObject({ uuid: z.string(), name: z.string() }).optional(),
});
export const accountResponseSchema = z.looseObject({ account: accountSchema });

export const dropletSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  memory: z.number(),
  vcpus: z.number(),
  disk: z.number(),
  created_at: z.string(),
  size_slug: z.string(),
  size: z.looseObject({ slug: z.string(), price_monthly: z.number(), price_hourly: z.number() }),
  region: regionRefSchema,
  image: z.looseObject({ name: z.string().nullish(), distribution: z.string().nullish(), slug: z.string().nullish() }),
  networks: z.looseObject({
    v4: z.array(z.looseObject({ ip_address: z.string(), type: z.string() })),
    v6: z.array(z.looseObject({ ip_address: z.string(), type: z.string() })).optional(),
  }),
  features: z.array(z.string()),
  volume_ids: z.array(z.string()),
  tags: z.array(z.string()),
  vpc_uuid: z.string().optional(),
});
export const dropletsResponseSchema = paginatedSchema("droplets", dropletSchema);

export const volumeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  size_gigabytes: z.number(),
  region: regionRefSchema,
  droplet_ids: z.array(z.number().int()),
  created_at: z.string(),
  description: z.string().optional(),
  tags: tagsSchema,
});
export const volumesResponseSchema = paginatedSchema("volumes", volumeSchema);

export const snapshotSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  regions: z.array(z.string()),
  resource_id: z.string(),
  resource_type: z.enum(["droplet", "volume"]),
  size_gigabytes: z.number(),
  min_disk_size: z.number(),
  tags: tagsSchema,
});
export const snapshotsResponseSchema = paginatedSchema("snapshots", snapshotSchema);

export const domainSchema = z.looseObject({
  name: z.string(),
  ttl: z.number().int().nullish(),
  zone_file: z.string().nullish(),
});
export const domainsResponseSchema = paginatedSchema("domains", domainSchema);

export const loadBalancerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  ip: z.string().nullish(),
  status: z.string(),
  created_at: z.string(),
  // `size` (lb-small…) survives only in a few regions; elsewhere `size_unit` counts nodes.
  size: z.string().optional(),
  size_unit: z.number().int().optional(),
  // Global load balancers have no region.
  region: regionRefSchema.nullish(),
  droplet_ids: z.array(z.number().int()).nullish(),
  tag: z.string().nullish(),
  project_id: z.string().optional(),
});
export const loadBalancersResponseSchema = paginatedSchema("load_balancers", loadBalancerSchema);

// Connection strings and user passwords would otherwise land in `attrs` and in every API response built from it.
const databaseSecretKeys = [
  "connection",
  "private_connection",
  "standby_connection",
  "standby_private_connection",
  "users",
] as const;

export const databaseSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    engine: z.string(),
    version: z.string(),
    num_nodes: z.number().int(),
    size: z.string(),
    region: z.string(),
    status: z.string(),
    created_at: z.string(),
    storage_size_mib: z.number().optional(),
    project_id: z.string().optional(),
    tags: tagsSchema,
  })
  .transform((cluster) => {
    const copy: Record<string, unknown> = { ...cluster };
    for (const key of databaseSecretKeys) delete copy[key];
    return copy as typeof cluster;
  });
/** Not paginated. DO answers `{"databases": null}` when there are no clusters. */
export const databasesResponseSchema = z.looseObject({
  databases: z
    .array(databaseSchema)
    .nullish()
    .transform((list) => list ?? []),
});

export const kubernetesNodePoolSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  size: z.string(),
  count: z.number().int(),
  tags: tagsSchema,
  nodes: z
    .array(z.looseObject({ id: z.string(), name: z.string(), droplet_id: z.string().nullish() }))
    .nullish(),
});

export const kubernetesClusterSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  version: z.string(),
  created_at: z.string(),
  node_pools: z.array(kubernetesNodePoolSchema),
  status: z.looseObject({ state: z.string() }),
  tags: tagsSchema,
  ha: z.boolean().optional(),
});
export const kubernetesClustersResponseSchema = paginatedSchema("kubernetes_clusters", kubernetesClusterSchema);

export const reservedIpSchema = z.looseObject({
  ip: z.string(),
  region: regionRefSchema,
  // The whole droplet object when assigned; we only need its id.
  droplet: z.looseObject({ id: z.number().int() }).nullable(),
  locked: z.boolean(),
  project_id: z.string().optional(),
});
export const reservedIpsResponseSchema = paginatedSchema("reserved_ips", reservedIpSchema);

export const appSchema = z.looseObject({
  id: z.string(),
  spec: z.looseObject({ name: z.string() }),
  // App regions are App Platform slugs (`syd`, `fra`) with their datacenters in `data_centers`.
  region: z.looseObject({ slug: z.string(), data_centers: z.array(z.string()).optional() }).optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
  tier_slug: z.string().optional(),
});
export const appsResponseSchema = paginatedSchema("apps", appSchema);

export const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  purpose: z.string().optional(),
  environment: z.string().nullish(),
  is_default: z.boolean(),
  created_at: z.string(),
  updated_at: z.string().optional(),
});
export const projectsResponseSchema = paginatedSchema("projects", projectSchema);

/** `urn` is `do:<kind>:<id>`, e.g. `do:droplet:13457723`, `do:domain:example.com`. */
export const projectResourceSchema = z.looseObject({
  urn: z.string(),
  assigned_at: z.string().optional(),
  status: z.string().optional(),
});
export const projectResourcesResponseSchema = paginatedSchema("resources", projectResourceSchema);

export const balanceSchema = z.looseObject({
  month_to_date_balance: moneySchema,
  account_balance: moneySchema,
  month_to_date_usage: moneySchema,
  generated_at: z.string(),
});

/** Only `type: "Invoice"` entries carry an `invoice_uuid` worth ingesting; `date` is the issue date, not the period. */
export const billingHistoryEntrySchema = z.looseObject({
  description: z.string(),
  amount: moneySchema,
  date: z.string(),
  type: z.string(),
  invoice_id: z.string().optional(),
  invoice_uuid: z.string().optional(),
});
export const billingHistoryResponseSchema = paginatedSchema("billing_history", billingHistoryEntrySchema);

export const invoicePreviewSchema = z.looseObject({
  invoice_uuid: z.string(),
  invoice_id: z.string().optional(),
  amount: moneySchema,
  invoice_period: z.string().regex(/^\d{4}-\d{2}$/, "expected YYYY-MM"),
  updated_at: z.string().optional(),
});
export const invoicesResponseSchema = paginatedSchema("invoices", invoicePreviewSchema).extend({
  invoice_preview: invoicePreviewSchema,
});

export const invoiceItemSchema = z.looseObject({
  product: z.string(),
  description: z.string(),
  amount: moneySchema,
  start_time: z.string(),
  end_time: z.string(),
  duration: z.string().optional(),
  duration_unit: z.string().optional(),
  resource_uuid: z.string().optional(),
  resource_id: z.string().optional(),
  group_description: z.string().optional(),
  project_name: z.string().optional(),
  category: z.string().optional(),
});
export const invoiceItemsResponseSchema = paginatedSchema("invoice_items", invoiceItemSchema);

const simpleChargeSchema = z.looseObject({ name: z.string().optional(), amount: moneySchema });

export const invoiceSummarySchema = z.looseObject({
  invoice_uuid: z.string(),
  billing_period: z.string(),
  amount: moneySchema,
  invoice_id: z.string().optional(),
  product_charges: simpleChargeSchema.extend({
    items: z.array(z.looseObject({ name: z.string(), amount: moneySchema, count: z.string().optional() })).optional(),
  }),
  overages: simpleChargeSchema,
  taxes: simpleChargeSchema,
  credits_and_adjustments: simpleChargeSchema,
});

export type DoError = z.infer<typeof doErrorBodySchema>;
export type DoAccount = z.infer<typeof accountSchema>;
export type DoDroplet = z.infer<typeof dropletSchema>;
export type DoVolume = z.infer<typeof volumeSchema>;
export type DoSnapshot = z.infer<typeof snapshotSchema>;
export type DoDomain = z.infer<typeof domainSchema>;
export type DoLoadBalancer = z.infer<typeof loadBalancerSchema>;
export type DoDatabase = z.infer<typeof databaseSchema>;
export type DoKubernetesCluster = z.infer<typeof kubernetesClusterSchema>;
export type DoReservedIp = z.infer<typeof reservedIpSchema>;
export type DoApp = z.infer<typeof appSchema>;
export type DoProject = z.infer<typeof projectSchema>;
export type DoProjectResource = z.infer<typeof projectResourceSchema>;
export type DoBalance = z.infer<typeof balanceSchema>;
export type DoBillingHistoryEntry = z.infer<typeof billingHistoryEntrySchema>;
export type DoInvoicePreview = z.infer<typeof invoicePreviewSchema>;
export type DoInvoiceItem = z.infer<typeof invoiceItemSchema>;
export type DoInvoiceSummary = z.infer<typeof invoiceSummarySchema>;
