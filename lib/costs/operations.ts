import { defineOperation } from "@/lib/http/operation";
import { z } from "zod";
import { balanceItemSchema, costGroupItemSchema, costLineItemSchema, costLinesQuery, costsQuery, invoiceItemSchema, invoicesQuery, maxCostMonths } from "./schemas";

export const getBillingBalanceOp = defineOperation({
  operationId: "getBillingBalance",
  method: "GET",
  path: "/api/v1/billing/balance",
  tag: "Billing",
  summary: "Latest DO balance snapshot",
  description:
    "DigitalOcean's month-to-date balance and usage from the latest hourly snapshot (job `snapshot-balance`). 404 until the first snapshot.",
  roles: ["platform_admin"],
  response: balanceItemSchema,
  errors: ["not_found"],
  example: {
    month_to_date_balance: "86.92",
    month_to_date_usage: "86.92",
    account_balance: "0.00",
    currency: "USD",
    generated_at: "2026-05-15T12:00:00.000Z",
    taken_at: "2026-05-15T12:07:01.114Z",
  },
});

export const listCostLinesOp = defineOperation({
  operationId: "listCostLines",
  method: "GET",
  path: "/api/v1/billing/cost-lines",
  tag: "Billing",
  summary: "List cost lines (COGS)",
  description:
    "One item per line of DO's invoice CSVs, in file order, with cursor pagination: what DO charged us and, when matched, the resource it paid for. Taxes and credits carry their own `line_type`.",
  roles: ["platform_admin"],
  query: costLinesQuery,
  response: costLineItemSchema,
  list: true,
  example: [
    {
      id: "1042",
      invoice_uuid: "22737513-0ea7-4206-8ceb-98a575af7681",
      period: "2026-04-01",
      line_no: 1,
      product: "Droplets",
      group_description: null,
      description: "arcadia-web-01 (s-1vcpu-2gb)",
      hours: "720",
      start: "2026-04-01T00:00:00.000Z",
      end: "2026-04-30T23:59:59.000Z",
      amount: "12.00",
      currency: "USD",
      project_name: "arcadia",
      category: "iaas",
      line_type: "resource",
      kind: "droplet",
      name: "arcadia-web-01",
      resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
      match_method: "id",
    },
  ],
});

export const listInvoicesOp = defineOperation({
  operationId: "listInvoices",
  method: "GET",
  path: "/api/v1/billing/invoices",
  tag: "Billing",
  summary: "List DO invoices",
  description:
    "Every DigitalOcean invoice discovered from the billing history, newest period first, with its ingest state, how its parsed lines reconcile with DO's amount, and its match rate.",
  roles: ["platform_admin"],
  query: invoicesQuery,
  response: invoiceItemSchema,
  list: true,
  example: [
    {
      invoice_uuid: "22737513-0ea7-4206-8ceb-98a575af7681",
      invoice_id: "9265327",
      period: "2026-04-01",
      amount: "86.92",
      currency: "USD",
      issued_at: "2026-05-01T08:44:38.000Z",
      status: "ingested",
      error: null,
      line_count: 33,
      lines_total: "86.92",
      difference: "0.00",
      reconciled: true,
      match_rate: 0.84,
      resource_line_count: 25,
      matched_by_id: 19,
      matched_by_name: 2,
      ingested_at: "2026-05-02T02:23:41.503Z",
    },
  ],
});

export const getCostsOp = defineOperation({
  operationId: "getCosts",
  method: "GET",
  path: "/api/v1/billing/costs",
  tag: "Billing",
  summary: "Costs grouped by month and one or two dimensions",
  description: [
    "The ingested invoice lines (COGS, taxes and credits included) summed in the database per month and `group_by` value (and `group_by2` value, when given), one item per group, month and currency that has lines, ordered by month and then amount, largest first. What the console's costs explorer shows.",
    "Each item carries its share of the month, its change on the month before, and the **anomaly** verdict: a group's month is flagged when it is more than `COST_ANOMALY_MIN_PCT` % (default 50) and more than `COST_ANOMALY_MIN_USD` (default 100, in the item's currency) above `baseline`, the median of the group's three months before. A month with no cost lines is no history: with fewer than three months of it nothing is flagged. A group absent from a month that has lines counts as 0 there, so a new group is flagged once it costs more than the amount threshold.",
    `At most ${maxCostMonths} months at a time. Not paginated.`,
  ].join(" "),
  roles: ["platform_admin"],
  query: costsQuery,
  response: z.array(costGroupItemSchema),
  example: [
    {
      group: "droplet",
      group_label: "Droplets",
      month: "2026-08",
      amount: "1240.00",
      currency: "USD",
      share_pct: 71.35,
      previous_amount: "498.00",
      change_pct: 149,
      baseline: "490.00",
      anomaly: true,
    },
  ],
});

export const billingOperations = [getBillingBalanceOp, listCostLinesOp, getCostsOp, listInvoicesOp];
