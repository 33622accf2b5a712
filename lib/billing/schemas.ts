import { z } from "zod";
import { fxRateSources, subscriptionStatuses } from "@/db/schema/billing";
import { catalogResourceKindSchema } from "@/lib/catalog/schemas";
import { dateTimeSchema, textSchema } from "@/lib/http/input-schemas";
import { monthSchema } from "./month";

// The revenue side's API shapes: snake_case, times as ISO 8601 strings, money as strings with two decimals.

const isoDateTime = dateTimeSchema();

export const externalIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, "Use up to 100 letters, digits, dots, dashes, colons or underscores");

export const externalIdParams = z.object({ id: externalIdSchema.describe("arcadia-app's own id") });

export const tenantBody = z.strictObject({ name: textSchema.trim().min(1).max(200) });
export type TenantBody = z.infer<typeof tenantBody>;

export const tenantItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TenantItem = z.infer<typeof tenantItemSchema>;

const subscriptionAddonInput = z.strictObject({
  code: textSchema.trim().min(1).max(40).describe("Add-on code from GET /api/v1/catalog/addons"),
  quantity: z.number().int().min(1).max(1_000_000).default(1),
  started_at: isoDateTime,
  ended_at: isoDateTime.nullable().optional(),
});

export const subscriptionBody = z
  .strictObject({
    tenant_id: externalIdSchema.describe("A tenant already stored with PUT /api/v1/tenants/{id}"),
    plan_code: textSchema.trim().min(1).max(40).optional().describe("Binds the plan's active version when the subscription is created"),
    plan_version_id: z.uuid().optional().describe("Binds this exact (published) version when the subscription is created"),
    status: z.enum(subscriptionStatuses).describe("`trialing` is not billed; `canceled` is billed until `ended_at`"),
    started_at: isoDateTime,
    ended_at: isoDateTime.nullable().optional(),
    addons: z.array(subscriptionAddonInput).max(50).optional().describe("When present, replaces the subscription's add-ons"),
  })
  .refine((b) => !(b.plan_code && b.plan_version_id), { message: "Send plan_code or plan_version_id, not both", path: ["plan_version_id"] })
  .refine((b) => b.status !== "canceled" || b.ended_at, { message: "A canceled subscription needs ended_at", path: ["ended_at"] })
  .refine((b) => !b.ended_at || Date.parse(b.ended_at) >= Date.parse(b.started_at), { message: "ended_at must not be before started_at", path: ["ended_at"] });
export type SubscriptionBody = z.infer<typeof subscriptionBody>;

export const subscriptionItemSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  plan_code: z.string(),
  plan_version_id: z.string(),
  plan_version: z.number().int(),
  status: z.enum(subscriptionStatuses),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  addons: z.array(z.object({ code: z.string(), quantity: z.number().int(), started_at: z.string(), ended_at: z.string().nullable() })),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SubscriptionItem = z.infer<typeof subscriptionItemSchema>;

export const usageBody = z.strictObject({
  key: textSchema.trim().min(1).max(200).describe("Client-chosen idempotency key: the same key is recorded once"),
  tenant_id: externalIdSchema,
  resource_kind: catalogResourceKindSchema,
  quantity: z
    .union([z.number().min(0).max(1e15), z.string().regex(/^\d{1,15}(\.\d{1,6})?$/)])
    .transform((v) => (typeof v === "number" ? v.toFixed(6) : v))
    .describe("In the kind's own measure (tokens, GB…); up to six decimals"),
  occurred_at: isoDateTime.describe("When the usage happened; it counts in that UTC month"),
});
export type UsageBody = z.infer<typeof usageBody>;

export const usageItemSchema = z.object({
  key: z.string(),
  tenant_id: z.string(),
  resource_kind: catalogResourceKindSchema,
  quantity: z.string(),
  month: z.string(),
  occurred_at: z.string().nullable(),
  created_at: z.string(),
});
export type UsageItem = z.infer<typeof usageItemSchema>;

export const marginGroupings = ["month", "tenant", "plan"] as const;
export type MarginGrouping = (typeof marginGroupings)[number];

export const marginQuery = z
  .object({
    from: monthSchema.optional().describe("First month, YYYY-MM (default: `to` for tenant and plan, 11 months before `to` for month)"),
    to: monthSchema.optional().describe("Last month, YYYY-MM, inclusive (default: the current month)"),
    group_by: z.enum(marginGroupings).default("month"),
    allocate_shared: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true")
      .describe("Allocate shared (unattributed) COGS to tenants pro rata to their revenue"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type MarginQuery = z.infer<typeof marginQuery>;

const money = z.string().nullable().describe("Two decimals in the reporting currency; null when it needs an exchange rate that is missing");

export const unbilledReasons = ["unknown_tenant", "no_subscription", "trial"] as const;
export const cogsUnknownReasons = ["no_invoice_or_snapshot", "not_attributable_before_invoice"] as const;

const estimateBasisSchema = z
  .object({
    source: z.enum(["snapshot", "clock"]).describe("`snapshot`: DO's month-to-date usage at a balance snapshot; `clock`: no snapshot yet, revenue only"),
    as_of: z.string().describe("ISO 8601: the moment the to-date figures are measured at (the snapshot's generated_at)"),
    days_into_month: z.number().int().describe("Whole days into the month at as_of, counting the one under way"),
    days_in_month: z.number().int(),
    label: z.string().describe('What the figures are, e.g. "estimate from the 14:07 snapshot of 1 Dec (UTC), 1 day into the month"'),
  })
  .describe("What a month without an invoice is measured to");

const figuresSchema = z.object({ revenue: money, cogs: money, margin: money, margin_pct: z.number().nullable() });

export const marginItemSchema = z.object({
  month: z.string().optional().describe("YYYY-MM (group_by=month)"),
  tenant_id: z.string().nullable().optional().describe("group_by=tenant; null for shared cost not attributed to any tenant"),
  tenant_name: z.string().nullable().optional(),
  plan_code: z.string().nullable().optional().describe("group_by=plan; null for tenants without a plan and shared cost"),
  subscribers: z.number().int().optional(),
  revenue: money.describe("Two decimals in the reporting currency; null only when revenue in another currency has no rate"),
  cogs: money.describe("Two decimals in the reporting currency; null when a COGS currency (DO bills in USD) has no rate"),
  margin: money.describe("revenue − cogs; null when either is"),
  margin_pct: z.number().nullable().describe("margin / revenue × 100, two decimals; null without revenue"),
  shared_cogs: money.optional().describe("Part of cogs that is shared cost (allocated, or not attributable)"),
  cogs_by_kind: z.record(z.string(), z.string()).nullable().optional(),
  usage: z
    .array(z.object({ resource_kind: catalogResourceKindSchema, used: z.number(), included: z.number() }))
    .optional()
    .describe("group_by=tenant: each kind the tenant used, against what its plan and add-ons include"),
  currency: z.string().length(3).describe("The reporting currency every amount of the item is in"),
  estimate: z
    .boolean()
    .describe("No invoice yet for (some month of) the item: revenue accrued to date against COGS to date (DO's month-to-date usage), not final figures"),
  is_estimate: z.boolean().describe("Same as `estimate` (kept for existing clients)"),
  cogs_missing_reason: z
    .enum(cogsUnknownReasons)
    .nullable()
    .describe(
      "Why `cogs` (and the margin) is null other than a missing rate: `no_invoice_or_snapshot` (nothing measured the month's COGS), `not_attributable_before_invoice` (tenant and plan rows of a month whose only COGS is DO's account-wide month-to-date figure; see the shared row, or allocate_shared=true)",
    ),
  billed: z.boolean().optional().describe("group_by=tenant: false when no subscription was billed for the tenant in any month of the range, i.e. its tagged usage is revenue leakage; true for the shared row"),
  unbilled_reason: z
    .enum(unbilledReasons)
    .nullable()
    .optional()
    .describe("group_by=tenant: `unknown_tenant` (resources tagged for a tenant arcadia-app never sent), `no_subscription`, `trial` (only a trialing subscription)"),
  unbilled_since: z.string().nullable().optional().describe("group_by=tenant, unbilled rows: ISO 8601, since when its tagged resources run unbilled (first seen, or its last billed subscription's end)"),
  unbilled_cogs: money
    .optional()
    .describe("Tagged COGS nobody is billed for: group_by=month, the month's leakage total (null before the invoice); group_by=tenant, the tenant's COGS in months it was not billed"),
  unbilled_tenants: z.number().int().optional().describe("group_by=month: tenants with tagged usage or cost and no billed subscription"),
  resources: z.number().int().optional().describe("group_by=tenant: resources whose invoice lines of the range are the tenant's"),
  estimate_basis: estimateBasisSchema.nullable().optional().describe("group_by=month: what the estimate month's to-date figures are measured to; null for final months"),
  projection: figuresSchema
    .nullable()
    .optional()
    .describe("group_by=month, estimate months: the whole month's revenue against the snapshot's COGS extrapolated to the month's end (null COGS without a snapshot)"),
  reconciliation: z
    .object({
      estimated_cogs: z.string().describe("The month's COGS as its last balance snapshot projected it"),
      invoice_cogs: z.string().describe("The invoice's COGS (taxes excluded)"),
      difference: z.string().describe("estimated_cogs − invoice_cogs"),
      difference_pct: z.number().nullable().describe("difference / invoice_cogs × 100, two decimals"),
      estimate_basis: estimateBasisSchema,
    })
    .nullable()
    .optional()
    .describe("group_by=month, invoiced months with a balance snapshot: what the estimate said against the invoice"),
  fx_missing: z.boolean().describe("Some figure of the item is null for want of an exchange rate"),
  missing_fx_pairs: z.array(z.string()).describe("BASE/QUOTE, e.g. USD/AUD: the pairs without a rate that made a figure of this item null"),
  fx_rates: z
    .array(
      z.object({
        pair: z.string().describe("BASE/QUOTE, e.g. USD/AUD"),
        rate: z.string().describe("1 BASE in QUOTE"),
        effective_from: z.string().describe("The rate's date: the latest on or before the month's first day"),
        source: z.enum(fxRateSources).describe("`ecb`: fetched reference rate (cross rates through EUR); `manual`: entered on /margin/fx"),
      }),
    )
    .optional()
    .describe("group_by=month: the rate each converted pair used"),
});
export type MarginItem = z.infer<typeof marginItemSchema>;
