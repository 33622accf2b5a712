import { defineOperation } from "@/lib/http/operation";
import { catalogAddonSchema, catalogPlanSchema, resourcePriceSchema, resourcePricesQuery } from "./schemas";

// Any valid token: tenants browse the catalog and arcadia-app reads it. These are what the /plans page renders too.

export const listCatalogPlansOp = defineOperation({
  operationId: "listCatalogPlans",
  method: "GET",
  path: "/api/v1/catalog/plans",
  tag: "Catalog",
  summary: "List the plans on sale",
  description:
    "Every plan with an active version, cheapest first: the version a new signup gets (its `id` is what a subscription binds to), its monthly base price and what it includes. Not paginated: `next_cursor` is always null.",
  roles: ["platform_admin", "tenant"],
  response: catalogPlanSchema,
  list: true,
  example: [
    {
      code: "studio",
      name: "Studio",
      description: "A few servers, more storage and an LLM allowance for a growing studio.",
      active_version: {
        id: "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b",
        version: 2,
        base_price_cents: 5500,
        currency: "AUD",
        billing_interval: "month",
        published_at: "2026-11-20T03:12:45.000Z",
        items: [
          { resource_kind: "droplet_hours", included_qty: 2232, overage_unit: "hour", overage_price_cents: 2, hard_cap_qty: null },
          { resource_kind: "llm_tokens", included_qty: 2000000, overage_unit: "1M tokens", overage_price_cents: 300, hard_cap_qty: 20000000 },
        ],
        allowed_sizes: ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb"],
      },
    },
  ],
});

export const listCatalogAddonsOp = defineOperation({
  operationId: "listCatalogAddons",
  method: "GET",
  path: "/api/v1/catalog/addons",
  tag: "Catalog",
  summary: "List the add-ons on sale",
  description: "À-la-carte upgrades on sale: each adds `qty` of `resource_kind` for `price_cents` a month. Not paginated.",
  roles: ["platform_admin", "tenant"],
  response: catalogAddonSchema,
  list: true,
  example: [{ code: "llm-tokens-5m", name: "5 million LLM tokens", resource_kind: "llm_tokens", qty: 5000000, price_cents: 1200, currency: "AUD" }],
});

export const listResourcePricesOp = defineOperation({
  operationId: "listResourcePrices",
  method: "GET",
  path: "/api/v1/catalog/resource-prices",
  tag: "Catalog",
  summary: "List per-unit prices in force",
  description:
    "The fallback per-unit price of each resource kind in force at `at` (default now), for usage a plan does not cover. Periods are half-open: a price applies from `effective_from` up to, not including, `effective_to`. Kinds without a price at that moment are absent. Not paginated.",
  roles: ["platform_admin", "tenant"],
  query: resourcePricesQuery,
  response: resourcePriceSchema,
  list: true,
  example: [
    { resource_kind: "volume_gb_month", unit: "GB-month", price_cents: 16, currency: "AUD", effective_from: "2026-01-01T00:00:00.000Z", effective_to: null },
  ],
});

export const catalogOperations = [listCatalogPlansOp, listCatalogAddonsOp, listResourcePricesOp];
