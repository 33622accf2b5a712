import { z } from "zod";
import { billingIntervals, catalogResourceKinds, type planVersionStatuses } from "@/db/schema/catalog-kinds";
import { dateTimeSchema, textSchema } from "@/lib/http/input-schemas";

/**
 * Shapes of the catalog as the API serves it (snake_case, money in integer cents, times as ISO 8601 strings) and the
 * domain's inputs. The /plans page renders these same objects, so it shows exactly what arcadia-app reads.
 */

export const catalogResourceKindSchema = z.enum(catalogResourceKinds);
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as AUD");
export const catalogCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use lowercase letters, digits and dashes (up to 40), starting with a letter or digit");

const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const quantity = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const planItemSchema = z.object({
  resource_kind: catalogResourceKindSchema,
  included_qty: quantity.describe("Quantity included each billing interval, in the kind's own measure (hours, GB-months, tokens…)"),
  overage_unit: textSchema.trim().min(1, "Name the unit overage is charged in").max(40).describe("What one overage charge buys, e.g. hour, GB-month, 1M tokens"),
  overage_price_cents: cents.describe("Price of one overage_unit beyond the included quantity, in the version's currency"),
  hard_cap_qty: quantity.nullable().describe("Usage stops at this quantity; null means no cap"),
});
export type PlanItemDto = z.infer<typeof planItemSchema>;

/** A DO droplet size slug, as a plan's list of allowed sizes names them. */
export const dropletSizeSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use DO size slugs such as s-1vcpu-2gb");

/** A version as arcadia-app sees it: what a new signup gets. */
export const catalogVersionSchema = z.object({
  id: z.uuid().describe("Plan version id: what a subscription binds to"),
  version: z.number().int().min(1),
  base_price_cents: cents.describe("Price per billing interval, in cents of `currency`"),
  currency: z.string().length(3).describe("ISO 4217 code"),
  billing_interval: z.enum(billingIntervals),
  published_at: z.string(),
  items: z.array(planItemSchema),
  allowed_sizes: z.array(z.string()).describe("DO droplet size slugs tenants on this version may provision; empty means any"),
});
export type CatalogVersion = z.infer<typeof catalogVersionSchema>;

/** One element of GET /api/v1/catalog/plans. */
export const catalogPlanSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  active_version: catalogVersionSchema,
});
export type CatalogPlan = z.infer<typeof catalogPlanSchema>;

/** One element of GET /api/v1/catalog/addons. */
export const catalogAddonSchema = z.object({
  code: z.string(),
  name: z.string(),
  resource_kind: catalogResourceKindSchema,
  qty: quantity,
  price_cents: cents,
  currency: z.string().length(3),
});
export type CatalogAddon = z.infer<typeof catalogAddonSchema>;

/** One element of GET /api/v1/catalog/resource-prices. */
export const resourcePriceSchema = z.object({
  resource_kind: catalogResourceKindSchema,
  unit: z.string(),
  price_cents: cents,
  currency: z.string().length(3),
  effective_from: z.string().describe("Start of the period, inclusive"),
  effective_to: z.string().nullable().describe("End of the period, exclusive; null while open"),
});
export type ResourcePriceDto = z.infer<typeof resourcePriceSchema>;

export const resourcePricesQuery = z.object({
  at: dateTimeSchema("Use an ISO 8601 date-time such as 2026-06-01T00:00:00Z")
    .describe("The moment to price at (ISO 8601 with offset); defaults to now")
    .transform((v) => new Date(v))
    .optional(),
});
export type ResourcePricesQuery = z.infer<typeof resourcePricesQuery>;

/** A version with its whole history, for the catalog editor. */
export interface VersionDetail {
  id: string;
  version: number;
  status: (typeof planVersionStatuses)[number];
  base_price_cents: number;
  currency: string;
  billing_interval: (typeof billingIntervals)[number];
  created_at: string;
  created_by: string | null;
  published_at: string | null;
  published_by: string | null;
  retired_at: string | null;
  items: PlanItemDto[];
  allowed_sizes: string[];
}

// ---- domain inputs (already in cents; the admin forms convert from dollars in form-schemas.ts) ----

export const versionInputSchema = z
  .object({
    base_price_cents: cents,
    currency: currencySchema,
    items: z.array(planItemSchema),
    /** Droplet sizes the version allows provisioning; empty or absent means any. */
    allowed_sizes: z.array(dropletSizeSlugSchema).max(100).optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (seen.has(item.resource_kind)) {
        ctx.addIssue({ code: "custom", path: ["items", i, "resource_kind"], message: `${item.resource_kind} is listed twice` });
      }
      seen.add(item.resource_kind);
      if (item.hard_cap_qty !== null && item.hard_cap_qty < item.included_qty) {
        ctx.addIssue({ code: "custom", path: ["items", i, "hard_cap_qty"], message: "The cap cannot be below the included quantity" });
      }
    });
  });
export type VersionInput = z.infer<typeof versionInputSchema>;

// These name pages of the catalog editor (/catalog/new, /catalog/addons), so no plan can be called that.
const reservedPlanCodes = new Set(["new", "addons", "resource-prices"]);
export const planCodeSchema = catalogCodeSchema.refine((c) => !reservedPlanCodes.has(c), "That code is reserved; choose another");

export const planInputSchema = z.object({
  code: planCodeSchema,
  name: textSchema.trim().min(1, "Give the plan a name").max(80),
  description: textSchema.trim().max(500).default(""),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const addonInputSchema = z.object({
  code: catalogCodeSchema,
  name: textSchema.trim().min(1, "Give the add-on a name").max(80),
  resource_kind: catalogResourceKindSchema,
  qty: z.number().int().min(1, "The quantity must be at least 1").max(Number.MAX_SAFE_INTEGER),
  price_cents: cents,
  currency: currencySchema,
});
export type AddonInput = z.infer<typeof addonInputSchema>;

export const resourcePriceInputSchema = z
  .object({
    resource_kind: catalogResourceKindSchema,
    unit: textSchema.trim().min(1, "Name the unit").max(40),
    price_cents: cents,
    currency: currencySchema,
    effective_from: z.date(),
    effective_to: z.date().nullable().default(null),
  })
  .refine((v) => v.effective_to === null || v.effective_to > v.effective_from, {
    path: ["effective_to"],
    message: "The period must end after it starts",
  });
export type ResourcePriceInput = z.input<typeof resourcePriceInputSchema>;

/**
 * `?base_price_cents=` on /catalog/<code>/drafts/new and on a draft's page: other pages (the margin view) link to
 * "a new draft of this plan at price P". Anything else in the query is ignored.
 */
export const draftPrefillQuery = z.object({
  base_price_cents: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
