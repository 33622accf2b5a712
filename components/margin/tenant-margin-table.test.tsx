import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TenantMarginRow } from "@/lib/billing/tenant-margin-rows";
import { TenantMarginTable } from "./tenant-margin-table";

const row = (overrides: Partial<TenantMarginRow>): TenantMarginRow => ({
  tenantId: "acme",
  name: "Acme",
  planCode: "pro",
  revenue: 5000,
  cogs: 1500,
  shared: 0,
  margin: 3500,
  marginPct: 70,
  fxMissing: false,
  cogsUnknown: null,
  isBilled: true,
  unbilledReason: null,
  unbilledSince: null,
  resources: 3,
  usage: [],
  ...overrides,
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("TenantMarginTable", () => {
  it("marks an unbilled tenant: why, since when, how many resources, and what it costs with nothing earned", () => {
    const html = renderToStaticMarkup(
      <TenantMarginTable
        rows={[
          row({}),
          row({ tenantId: "wayne", name: null, planCode: null, revenue: 0, cogs: 450, margin: -450, marginPct: null, isBilled: false, unbilledReason: "no_subscription", unbilledSince: "2025-10-20T00:00:00.000Z", resources: 2 }),
        ]}
        currency="AUD"
        sort={{ field: "revenue", dir: "desc" }}
        url={{ path: "/margin/tenants", params: {} }}
      />,
    );
    const t = text(html);
    expect(t).toContain("wayne Unbilled no subscription in force, since 2025-10-20, 2 resources");
    expect(t).toContain("A$0.00 A$4.50 -A$4.50");
    expect(t.match(/Unbilled/g)).toHaveLength(1);
    // Each tenant opens its own page, billed or not.
    expect(html).toContain('href="/tenants/wayne"');
    expect(html).toContain('href="/tenants/acme"');
  });
});
