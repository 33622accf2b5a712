import { z } from "zod";
import { catalogResourceKinds } from "@/db/schema/catalog-kinds";
import type { FormValues } from "@/lib/http/action-result";
import { isSupportedCalendarDate, supportedYears } from "@/lib/http/input-schemas";
import { parseMoneyInput } from "@/lib/money/parse-money-input";
import {
  type AddonInput,
  addonInputSchema,
  catalogResourceKindSchema,
  currencySchema,
  dropletSizeSlugSchema,
  type PlanInput,
  type PlanItemDto,
  planCodeSchema,
  type ResourcePriceInput,
  type VersionInput,
} from "./schemas";

/**
 * The catalog editor's forms, parsed from their FormData's values by the server actions (adminAction). Field names
 * are the keys errors come back under (`items.droplet_hours.included_qty`), so a form shows each message beside its
 * input. People type dollars and grouped numbers ("2,000,000"); these schemas turn them into the domain's cents and
 * integers.
 */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const money = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    // A refinement, not a failing transform, so the form's other checks still run and report alongside it.
    .refine((s) => parseMoneyInput(s) !== null, "Enter an amount in dollars, such as 49.95")
    .transform((s) => parseMoneyInput(s) ?? 0);

const wholeNumber = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .transform((s) => s.replace(/[,_\s]/g, ""))
    .pipe(z.string().regex(/^\d{1,15}$/, "Enter a whole number, such as 2,000,000"))
    .transform(Number);

const itemForm = z.object({
  included_qty: wholeNumber("the included quantity"),
  overage_unit: z.string({ error: "Name the unit" }).trim().min(1, "Name the unit overage is charged in").max(40),
  overage_price: money("the overage price"),
  hard_cap_qty: z.preprocess(blankToUndefined, wholeNumber("a cap").optional()),
});

/** "s-1vcpu-1gb, s-1vcpu-2gb" (commas, spaces or new lines between) → the slugs; blank allows any size. */
const sizeList = z
  .string()
  .optional()
  .transform((s) => (s ?? "").split(/[\s,]+/).filter(Boolean))
  // Refinements on the whole list, so a bad slug is reported beside the one input rather than under an index.
  .refine((sizes) => sizes.every((size) => dropletSizeSlugSchema.safeParse(size).success), "Use DO size slugs such as s-1vcpu-2gb, separated by commas")
  .refine((sizes) => sizes.length <= 100, "List at most 100 sizes");

const versionForm = z
  .object({
    base_price: money("the monthly price"),
    currency: currencySchema,
    allowed_sizes: sizeList,
    items: z.object(Object.fromEntries(catalogResourceKinds.map((k) => [k, itemForm.optional()])) as Record<(typeof catalogResourceKinds)[number], z.ZodOptional<typeof itemForm>>),
  })
  .superRefine((v, ctx) => {
    for (const [kind, item] of Object.entries(v.items)) {
      if (item?.hard_cap_qty !== undefined && item.hard_cap_qty < item.included_qty) {
        ctx.addIssue({ code: "custom", path: ["items", kind, "hard_cap_qty"], message: "The cap cannot be below the included quantity" });
      }
    }
  });

/**
 * The draft editor: base price, currency, and a row per resource kind whose "included" box is ticked. It reads the
 * form's flat values (`items.<kind>.<field>`), so issues come back under the inputs' names.
 */
export const versionFormSchema = z.preprocess(
  (raw) => {
    const values = (raw ?? {}) as FormValues;
    const items: Record<string, unknown> = {};
    for (const kind of catalogResourceKinds) {
      if (values[`items.${kind}.enabled`] !== "on") continue;
      items[kind] = {
        included_qty: values[`items.${kind}.included_qty`],
        overage_unit: values[`items.${kind}.overage_unit`],
        overage_price: values[`items.${kind}.overage_price`],
        hard_cap_qty: values[`items.${kind}.hard_cap_qty`],
      };
    }
    return { base_price: values.base_price, currency: values.currency, allowed_sizes: values.allowed_sizes, items };
  },
  versionForm.transform(
    (v): VersionInput => ({
      base_price_cents: v.base_price,
      currency: v.currency,
      allowed_sizes: v.allowed_sizes,
      items: Object.entries(v.items).flatMap(([kind, i]): PlanItemDto[] =>
        i
          ? [
              {
                resource_kind: catalogResourceKindSchema.parse(kind),
                included_qty: i.included_qty,
                overage_unit: i.overage_unit,
                overage_price_cents: i.overage_price,
                hard_cap_qty: i.hard_cap_qty ?? null,
              },
            ]
          : [],
      ),
    }),
  ),
);

const planForm = z.object({
  code: planCodeSchema,
  name: z.string({ error: "Give the plan a name" }).trim().min(1, "Give the plan a name").max(80),
  description: z.string().trim().max(500, "Keep the description under 500 characters").default(""),
  currency: currencySchema,
  base_price: money("the monthly price"),
});

/** A new plan: its identity and the price of its first (draft) version. */
export const planFormSchema = planForm.transform((v): { plan: PlanInput; version: VersionInput } => ({
  plan: { code: v.code, name: v.name, description: v.description },
  version: { base_price_cents: v.base_price, currency: v.currency, items: [] },
}));

/** A plan's name and description; its code is its identity and stays. */
export const planDetailsFormSchema = planForm.pick({ name: true, description: true });

const addonForm = z.object({
  code: z.string({ error: "Enter a code" }),
  name: z.string({ error: "Give the add-on a name" }),
  resource_kind: z.string({ error: "Choose what it adds" }),
  qty: wholeNumber("the quantity"),
  price: money("the price"),
  currency: z.string({ error: "Enter a currency" }),
});

/** A new add-on, checked by the domain's own schema once the form's dollars are cents. */
export const addonFormSchema = addonForm.transform((v, ctx): AddonInput => {
  const r = addonInputSchema.safeParse({ code: v.code, name: v.name, resource_kind: v.resource_kind, qty: v.qty, price_cents: v.price, currency: v.currency });
  if (r.success) return r.data;
  // The domain's issues carry its names; point them at the inputs people typed into.
  for (const issue of r.error.issues) {
    const path = issue.path[0] === "price_cents" ? ["price", ...issue.path.slice(1)] : issue.path;
    ctx.addIssue({ code: "custom", message: issue.message, path });
  }
  return z.NEVER;
});

const resourcePriceForm = z.object({
  resource_kind: catalogResourceKindSchema,
  unit: z.string({ error: "Name the unit" }).trim().min(1, "Name the unit").max(40),
  price: money("the price per unit"),
  currency: currencySchema,
  effective_from: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date such as 2026-07-01", abort: true })
      .refine((s) => isSupportedCalendarDate(`${s.slice(0, 4)}-01-01`), { message: `Use a date between ${supportedYears.from} and ${supportedYears.to}`, abort: true })
      .refine(isSupportedCalendarDate, "That date does not exist")
      .transform((s) => new Date(`${s}T00:00:00Z`))
      .optional(),
  ),
});

/** A new fallback price. No start date means "from now" (when the form is parsed); a date means from 00:00 UTC that day. */
export const resourcePriceFormSchema = resourcePriceForm.transform(
  (v): ResourcePriceInput => ({
    resource_kind: v.resource_kind,
    unit: v.unit,
    price_cents: v.price,
    currency: v.currency,
    effective_from: v.effective_from ?? new Date(),
  }),
);
