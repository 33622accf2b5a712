import { defineOperation } from "@/lib/http/operation";
import {
  externalIdParams,
  marginItemSchema,
  marginQuery,
  subscriptionBody,
  subscriptionItemSchema,
  tenantBody,
  tenantItemSchema,
  usageBody,
  usageItemSchema,
} from "./schemas";

// arcadia-app keeps tenants, subscriptions and unseen usage current here; admins read the margin. All platform_admin.

export const putTenantOp = defineOperation({
  operationId: "putTenant",
  method: "PUT",
  path: "/api/v1/tenants/{id}",
  tag: "Revenue",
  summary: "Create or rename a tenant",
  description:
    "Idempotent upsert keyed by arcadia-app's tenant id (201 when it creates the tenant, 200 afterwards), which is also the suffix of the `tenant:<id>` tag on the tenant's DigitalOcean resources. Resources tagged for a tenant not stored here count as shared cost.",
  roles: ["platform_admin"],
  params: externalIdParams,
  body: tenantBody,
  success: { 201: "Created", 200: "Renamed, or already stored with this name" },
  response: tenantItemSchema,
  bodyExample: { name: "Acme Pty Ltd" },
  example: { id: "acme", name: "Acme Pty Ltd", created_at: "2026-03-02T04:11:00.000Z", updated_at: "2026-03-02T04:11:00.000Z" },
});

export const putSubscriptionOp = defineOperation({
  operationId: "putSubscription",
  method: "PUT",
  path: "/api/v1/subscriptions/{id}",
  tag: "Revenue",
  summary: "Create or update a subscription",
  description: [
    "Idempotent upsert keyed by arcadia-app's subscription id (201 when it creates the subscription, 200 afterwards); the tenant must exist (PUT /api/v1/tenants/{id} first).",
    "On creation, `plan_code` binds the plan's active version and `plan_version_id` binds that exact published version; one of them is required.",
    "Afterwards the version never changes through this call: sending the same plan code or the current version id again is accepted and changes nothing, while another plan or version is refused with 409 `conflict`.",
    "Only a recorded migration (from the plan's page in the console) moves a subscription to another version; to change plan, cancel this subscription (`status: canceled` with `ended_at`) and create a new one.",
    "`addons`, when sent, replaces the subscription's add-ons. `trialing` subscriptions are not billed; `canceled` ones are billed until `ended_at`.",
  ].join(" "),
  roles: ["platform_admin"],
  params: externalIdParams,
  body: subscriptionBody,
  success: { 201: "Created", 200: "Updated, or already stored as sent" },
  response: subscriptionItemSchema,
  errors: ["conflict"],
  bodyExample: {
    tenant_id: "acme",
    plan_code: "studio",
    status: "active",
    started_at: "2026-03-02T04:12:00Z",
    ended_at: null,
    addons: [{ code: "llm-tokens-5m", quantity: 1, started_at: "2026-03-02T04:12:00Z", ended_at: null }],
  },
  example: {
    id: "sub_8Hq2",
    tenant_id: "acme",
    plan_code: "studio",
    plan_version_id: "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b",
    plan_version: 1,
    status: "active",
    started_at: "2026-03-02T04:12:00.000Z",
    ended_at: null,
    addons: [],
    created_at: "2026-03-02T04:12:01.000Z",
    updated_at: "2026-03-02T04:12:01.000Z",
  },
});

export const recordUsageOp = defineOperation({
  operationId: "recordUsage",
  method: "POST",
  path: "/api/v1/usage",
  tag: "Revenue",
  summary: "Record usage we cannot meter",
  description:
    "Usage of kinds the inventory cannot see (LLM tokens, bandwidth), counted in the UTC month of `occurred_at`. Idempotent by `key`: the first call answers 201, a replay with the same figures answers 200 with the stored record, and the same key with other figures is a 409. Keys starting with `meter:` are reserved for the meter-usage job.",
  roles: ["platform_admin"],
  body: usageBody,
  response: usageItemSchema,
  success: { 201: "Recorded", 200: "A replay: this key was already recorded with the same figures; the stored record" },
  errors: ["conflict"],
  bodyExample: { key: "llm-2026-04-acme-0001", tenant_id: "acme", resource_kind: "llm_tokens", quantity: 1250000, occurred_at: "2026-04-14T10:00:00Z" },
  example: {
    key: "llm-2026-04-acme-0001",
    tenant_id: "acme",
    resource_kind: "llm_tokens",
    quantity: "1250000.000000",
    month: "2026-04",
    occurred_at: "2026-04-14T10:00:00.000Z",
    created_at: "2026-04-14T10:00:02.000Z",
  },
});

export const getMarginOp = defineOperation({
  operationId: "getMargin",
  method: "GET",
  path: "/api/v1/billing/margin",
  tag: "Billing",
  summary: "COGS vs revenue",
  description: [
    "Revenue (subscriptions pro-rated by day, add-ons, overage) against COGS (ingested DO invoice lines, taxes excluded) per month, tenant or plan, in the reporting currency (`REPORTING_CURRENCY`, default AUD), money as strings with two decimals.",
    "COGS is a tenant's when the line's resource carries the tenant tag; the rest is shared and reported in a row with a null `tenant_id` / `plan_code`, unless `allocate_shared=true` spreads it over tenants pro rata to revenue.",
    "A month without an invoice takes DO's month-to-date usage from the latest balance snapshot: `is_estimate` is true.",
    "**Missing exchange rates**: a month that needs a rate with no rate in effect on its first day is not converted by guessing: its items answer 200 with `fx_missing: true`, the pairs in `missing_fx_pairs` (e.g. `USD/AUD`) and `revenue`, `cogs`, `margin`, `margin_pct` null. Enter the rate on the console's FX rates page.",
    "Totals are sums of their parts: the items of one month grouped by tenant (with the shared row) add up to that month's item.",
    "Not paginated: `next_cursor` is always null.",
  ].join(" "),
  roles: ["platform_admin"],
  query: marginQuery,
  response: marginItemSchema,
  list: true,
  example: [
    {
      month: "2026-04",
      revenue: "2140.00",
      cogs: "1035.62",
      margin: "1104.38",
      margin_pct: 51.61,
      shared_cogs: "402.10",
      cogs_by_kind: { droplet: "812.40", volume: "96.12", snapshot: "40.30", other: "86.80" },
      currency: "AUD",
      is_estimate: false,
      fx_missing: false,
      missing_fx_pairs: [],
    },
  ],
});

export const revenueOperations = [putTenantOp, putSubscriptionOp, recordUsageOp, getMarginOp];
