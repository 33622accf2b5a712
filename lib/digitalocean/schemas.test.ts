import { describe, expect, it } from "vitest";
import type { z } from "zod";
import examples from "./fixtures/spec-examples.json";
import {
  accountResponseSchema,
  appsResponseSchema,
  balanceSchema,
  billingHistoryResponseSchema,
  databasesResponseSchema,
  doErrorBodySchema,
  domainsResponseSchema,
  dropletsResponseSchema,
  invoiceItemsResponseSchema,
  invoicesResponseSchema,
  invoiceSummarySchema,
  kubernetesClustersResponseSchema,
  loadBalancersResponseSchema,
  moneySchema,
  projectResourcesResponseSchema,
  projectsResponseSchema,
  reservedIpsResponseSchema,
  snapshotsResponseSchema,
  volumesResponseSchema,
} from "./schemas";

// fixtures/spec-examples.json holds the `example:` bodies from DO's OpenAPI spec (/work/shared/do-api/spec),
// converted from YAML once; the schemas must accept every one of them.
const cases: [keyof typeof examples, z.ZodType][] = [
  ["account", accountResponseSchema],
  ["droplets", dropletsResponseSchema],
  ["volumes", volumesResponseSchema],
  ["snapshots", snapshotsResponseSchema],
  ["domains", domainsResponseSchema],
  ["load_balancers", loadBalancersResponseSchema],
  ["databases", databasesResponseSchema],
  ["kubernetes_clusters", kubernetesClustersResponseSchema],
  ["reserved_ips", reservedIpsResponseSchema],
  ["apps", appsResponseSchema],
  ["projects", projectsResponseSchema],
  ["project_resources", projectResourcesResponseSchema],
  ["balance", balanceSchema],
  ["billing_history", billingHistoryResponseSchema],
  ["invoices", invoicesResponseSchema],
  ["invoice_items", invoiceItemsResponseSchema],
  ["invoice_summary", invoiceSummarySchema],
  ["error", doErrorBodySchema],
];

describe("DO response schemas", () => {
  it.each(cases)("accept the spec's %s example", (name, schema) => {
    const result = schema.safeParse(examples[name]);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("keep fields they don't model", () => {
    const parsed = dropletsResponseSchema.parse(examples.droplets);
    expect(parsed.droplets[0]).toHaveProperty("next_backup_window");
    expect(parsed.droplets[0]?.region).toHaveProperty("sizes");
  });

  it("drop database credentials so they never reach attrs", () => {
    const parsed = databasesResponseSchema.parse(examples.databases);
    const cluster = parsed.databases[0];
    expect(cluster).toMatchObject({ name: "backend", engine: "pg", region: "nyc3" });
    expect(JSON.stringify(cluster)).not.toContain("wv78n3zpz42xezdk");
    expect(cluster).toHaveProperty("maintenance_window");
  });

  it("turn DO's null tags into an empty list", () => {
    const snapshot = { ...examples.snapshots.snapshots[0], tags: null };
    const parsed = snapshotsResponseSchema.parse({ snapshots: [snapshot], links: {}, meta: { total: 1 } });
    expect(parsed.snapshots[0]?.tags).toEqual([]);
  });

  it("keep money as strings and reject anything that isn't a decimal amount", () => {
    expect(moneySchema.parse("-12.34")).toBe("-12.34");
    expect(moneySchema.safeParse(12.34).success).toBe(false);
    expect(moneySchema.safeParse("$12.34").success).toBe(false);
    expect(moneySchema.safeParse("1,234.00").success).toBe(false);
  });

  it("require the fields the product reads", () => {
    const [droplet] = examples.droplets.droplets;
    const { size_slug: _dropped, ...withoutSize } = droplet ?? {};
    const result = dropletsResponseSchema.safeParse({ droplets: [withoutSize], links: {}, meta: { total: 1 } });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["droplets.0.size_slug"]);
  });
});
