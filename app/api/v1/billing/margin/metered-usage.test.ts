import { beforeAll, describe, expect, it } from "vitest";
import { resourceUsageSamples } from "@/db/schema";
import { meterUsage } from "@/lib/billing/meter-usage";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { createFxRate, createInvoiceWithLines, createSubscription, createTenant } from "@/test/billing-factories";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createResource } from "@/test/factories";
import { adminToken } from "@/test/jwt";
import { GET } from "./route";

// Metered usage earns overage in the margin's revenue. Plan: AUD 50.00, 744 droplet hours, 100 GB of bandwidth (5¢ a
// GB beyond) and 10 GB-months of Spaces (10¢ beyond). April 2026 (30 days): the tenant's droplet sent 5 GiB a day out
// = 150 GB, 50 over = 2.50; its bucket held 30 GiB every day = 30 GB-months, 20 over = 2.00. Revenue 54.50.

const getDb = setupAppTestDb();
const gib = 2 ** 30;
const april = Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
  const db = getDb().db;
  const plan = await createCatalogPlan(db, {
    basePriceCents: 5000,
    items: [
      { resource_kind: "droplet_hours", included_qty: 744, overage_unit: "hour", overage_price_cents: 2, hard_cap_qty: null },
      { resource_kind: "bandwidth_gb", included_qty: 100, overage_unit: "GB", overage_price_cents: 5, hard_cap_qty: null },
      { resource_kind: "spaces_gb_month", included_qty: 10, overage_unit: "GB-month", overage_price_cents: 10, hard_cap_qty: null },
    ],
  });
  await createTenant(db, { id: "metered" });
  await createSubscription(db, { tenantId: "metered", planVersionId: plan.firstVersionId });
  const droplet = await createResource(db, { tags: ["tenant:metered"], providerCreatedAt: new Date("2026-01-01T00:00:00Z") });
  const bucket = await createResource(db, { kind: "spaces_bucket", tags: ["tenant:metered"], providerCreatedAt: new Date("2026-01-01T00:00:00Z") });
  await db.insert(resourceUsageSamples).values([
    ...april.map((day) => ({ resourceId: droplet.id, metric: "public_outbound_bytes" as const, day, value: 5 * gib })),
    ...april.map((day) => ({ resourceId: bucket.id, metric: "stored_bytes" as const, day, value: 30 * gib })),
  ]);
  await createFxRate(db, { rate: "1.5", effectiveFrom: "2026-04-01" });
  await createInvoiceWithLines(db, "2026-04-01", [{ cents: 1000, resourceId: droplet.id }]);
  await meterUsage(db, "2026-04-01", "tenant:");
});

describe("metered bandwidth and Spaces in the margin", () => {
  it("a tenant's bandwidth and Spaces overage is in its revenue, with its usage against what the plan includes", async () => {
    const res = await GET(apiRequest("/api/v1/billing/margin?from=2026-04&to=2026-04&group_by=tenant", { token: adminToken() }));
    const rows = ((await res.json()) as { data: { tenant_id: string | null; revenue: string; usage: unknown[] }[] }).data;
    const row = rows.find((r) => r.tenant_id === "metered")!;
    expect(row.revenue).toBe("54.50");
    expect(row.usage).toContainEqual({ resource_kind: "bandwidth_gb", used: 150, included: 100 });
    expect(row.usage).toContainEqual({ resource_kind: "spaces_gb_month", used: 30, included: 10 });
  });
});
