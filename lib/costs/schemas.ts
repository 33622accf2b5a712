import { z } from "zod";
import { costLineTypes, invoiceStatuses, matchMethods } from "@/db/schema/costs";
import { resourceKinds } from "@/db/schema/resources";
import { pageLimit } from "@/lib/http/cursor";
import { monthStartSchema } from "@/lib/http/input-schemas";
import { costDimensions } from "./cost-dimensions";

/**
 * A billing period: `YYYY-MM-DD` naming the first day of the month (any day of the month is taken to mean its month),
 * or `YYYY-MM`. Always `YYYY-MM-01` once parsed.
 */
export const periodSchema = monthStartSchema("expected YYYY-MM-DD, the first day of a billing month").describe("Billing period: `YYYY-MM-DD`, the first day of the billing month (`YYYY-MM` works too).");

const money = z.string().regex(/^-?\d+\.\d{2}$/).describe("Two decimals in the item's `currency`, e.g. `12.00`; credits are negative.");
const timestamp = z.string().describe("ISO 8601 UTC");

export const costLinesQuery = z.object({
  period: periodSchema.optional(),
  kind: z.enum(resourceKinds).optional().describe("Only lines of this resource kind (as classified from the product)."),
  line_type: z.enum(costLineTypes).optional(),
  matched: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .describe("`true`: lines matched to a resource; `false`: lines that are not."),
  resource_id: z.string().uuid().optional().describe("Only lines matched to this resource."),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(100),
  cursor: z.string().min(1).max(1000).optional(),
});
export type CostLinesQuery = z.infer<typeof costLinesQuery>;

export const costLineItemSchema = z.object({
  id: z.string().describe("Stable until the invoice is re-ingested; `invoice_uuid` + `line_no` names the line for good."),
  invoice_uuid: z.string(),
  period: z.string(),
  line_no: z.number().int().describe("The line's number in the invoice, from 1 (the CSV's header row is not counted)."),
  product: z.string(),
  group_description: z.string().nullable(),
  description: z.string(),
  hours: z.string().nullable(),
  start: timestamp.nullable(),
  end: timestamp.nullable(),
  amount: money,
  currency: z.string().describe("The invoice's currency (DO bills in `USD`)."),
  project_name: z.string().nullable(),
  category: z.string().nullable().describe("DO's own category column, as DO wrote it."),
  line_type: z.enum(costLineTypes),
  kind: z.enum(resourceKinds).nullable(),
  name: z.string().nullable().describe("Resource name taken from DO's `name (size)` description."),
  resource_id: z.string().uuid().nullable().describe("The matched resource; null when unmatched."),
  match_method: z.enum(matchMethods).describe("`id`: by DO's resource id; `name`: by (kind, name); `none`."),
});
export type CostLineItem = z.infer<typeof costLineItemSchema>;

export const invoicesQuery = z.object({
  status: z.enum(invoiceStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(100),
  cursor: z.string().min(1).max(1000).optional(),
});
export type InvoicesQuery = z.infer<typeof invoicesQuery>;

export const invoiceItemSchema = z.object({
  invoice_uuid: z.string(),
  invoice_id: z.string().nullable().describe("DO's invoice number."),
  period: z.string().describe("`YYYY-MM-DD`, the first day of the billing month."),
  amount: money.describe("What DO says the invoice comes to."),
  currency: z.string(),
  issued_at: timestamp.nullable(),
  status: z.enum(invoiceStatuses),
  error: z.string().nullable().describe("Why the last ingest failed; the previous lines are kept."),
  line_count: z.number().int(),
  lines_total: money.describe("Sum of the parsed lines (`0.00` before the first ingest)."),
  difference: money.nullable().describe("`lines_total - amount`; `0.00` when the invoice reconciles, null before the first ingest."),
  reconciled: z.boolean().nullable(),
  match_rate: z.number().min(0).max(1).nullable().describe("Share of resource lines matched to a resource (0–1); null when there are none."),
  resource_line_count: z.number().int(),
  matched_by_id: z.number().int(),
  matched_by_name: z.number().int(),
  ingested_at: timestamp.nullable(),
});
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;

export const balanceItemSchema = z.object({
  month_to_date_balance: money,
  month_to_date_usage: money,
  account_balance: money,
  currency: z.string(),
  generated_at: timestamp.describe("When DO computed the figures."),
  taken_at: timestamp.describe("When we read them."),
});
export type BalanceItem = z.infer<typeof balanceItemSchema>;

/** The most months one grouped query covers (three more are read for the anomaly rule's history). */
export const maxCostMonths = 36;

const costMonth = monthStartSchema("expected a month as YYYY-MM");
const dimensionDoc =
  "`kind` (resource kind; `tax`, `credit`, `other` for lines without one), `project` (DO project), `tenant` (the `tenant:<id>` tag its resource carried at the end of the month; null: shared), `resource` (the matched resource's id; null: unmatched), `product` (DO's product column) or `category` (DO's category column)";

/** The grouped query's parameters, shared by the API and the grouped view's URL. */
export const costsQueryFields = {
  from: costMonth.optional().describe("First month, YYYY-MM (default: 11 months before `to`)"),
  to: costMonth.optional().describe("Last month, YYYY-MM, inclusive (default: the latest month with cost lines, else the current month)"),
  group_by: z.enum(costDimensions).default("kind").describe(`What to group by: ${dimensionDoc}.`),
  group_by2: z.enum(costDimensions).optional().describe("A second dimension: each pair of values is a group of its own."),
};

export function refineCostsQuery<S extends z.ZodType<{ from?: string; to?: string; group_by: string; group_by2?: string }>>(schema: S) {
  return schema
    .refine((q) => q.group_by2 === undefined || q.group_by2 !== q.group_by, { message: "group_by2 must differ from group_by", path: ["group_by2"] })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
}

export const costsQuery = refineCostsQuery(z.object(costsQueryFields));
export type CostsQuery = z.infer<typeof costsQuery>;

const percent = z.number().nullable();

export const costGroupItemSchema = z.object({
  group: z.string().nullable().describe("The `group_by` value: a kind, project name, tenant id, resource id, product or category; null when the lines have none (no project, shared, unmatched…)."),
  group_label: z.string().describe('How the console names the group ("Droplets", the tenant\'s or resource\'s name, "Shared (no tenant)").'),
  group2: z.string().nullable().optional().describe("The `group_by2` value, present only with `group_by2`."),
  group2_label: z.string().optional(),
  month: z.string().describe("YYYY-MM"),
  amount: money,
  currency: z.string().describe("The invoices' currency (DO bills in `USD`); groups and totals never mix currencies."),
  share_pct: percent.describe("Percent of the month's total in this currency, two decimals (credits are negative); null when that total is 0."),
  previous_amount: money.nullable().describe("The group's amount the month before (`0.00` when it had none); null when that month has no cost lines at all."),
  change_pct: percent.describe("Percent change on `previous_amount`, two decimals; null when that is 0 or null."),
  baseline: money.nullable().describe("Median of the group's three months before (what the anomaly rule compares with); null with fewer than three months of cost data."),
  anomaly: z
    .boolean()
    .describe("More than `COST_ANOMALY_MIN_PCT` % (default 50) and more than `COST_ANOMALY_MIN_USD` (default 100) above `baseline`; with a zero baseline the amount alone decides."),
});
export type CostGroupItem = z.infer<typeof costGroupItemSchema>;
