import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cloudResources, type ResourceKind } from "./resources";

// Money is integer cents (bigint, read as a JS number: cents never reach 2^53), never a float.

/** One reading of DO's month-to-date balance, taken hourly, so the costs page can draw the month's trend. */
export const cloudBalanceSnapshots = pgTable(
  "cloud_balance_snapshots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    monthToDateBalanceCents: bigint("month_to_date_balance_cents", { mode: "number" }).notNull(),
    monthToDateUsageCents: bigint("month_to_date_usage_cents", { mode: "number" }).notNull(),
    accountBalanceCents: bigint("account_balance_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** DO's own `generated_at`: when DO computed the figures, which can lag behind `takenAt`. */
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cloud_balance_snapshots_taken_at_idx").on(t.takenAt)],
);

export type CloudBalanceSnapshot = typeof cloudBalanceSnapshots.$inferSelect;

export const invoiceStatuses = ["discovered", "ingesting", "ingested", "failed"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** One header per DO invoice, with where its ingest stands and how well its lines reconcile and match. */
export const cloudInvoices = pgTable(
  "cloud_invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceUuid: text("invoice_uuid").notNull(),
    /** DO's invoice number, as printed on the PDF. */
    invoiceId: text("invoice_id"),
    /** First day of the billing month, from the invoices list's `invoice_period`, not the issue date. */
    period: date("period", { mode: "string" }).notNull(),
    /** What DO says the invoice comes to; the parsed lines must add up to it. */
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** The billing history entry's `date`: when DO issued the invoice. */
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    description: text("description"),
    status: text("status").$type<InvoiceStatus>().notNull().default("discovered"),
    /** Why the last ingest failed, naming the CSV line when the parser refused it. */
    error: text("error"),
    // The figures below describe the line set currently stored, which a failed re-ingest leaves in place.
    lineCount: integer("line_count").notNull().default(0),
    linesTotalCents: bigint("lines_total_cents", { mode: "number" }),
    resourceLineCount: integer("resource_line_count").notNull().default(0),
    matchedByIdCount: integer("matched_by_id_count").notNull().default(0),
    matchedByNameCount: integer("matched_by_name_count").notNull().default(0),
    csvSha256: text("csv_sha256"),
    ingestedAt: timestamp("ingested_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    discoveredAt: timestamp("discovered_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cloud_invoices_invoice_uuid_key").on(t.invoiceUuid),
    index("cloud_invoices_period_idx").on(t.period),
    check("cloud_invoices_status_check", sql`${t.status} in ('discovered', 'ingesting', 'ingested', 'failed')`),
    check("cloud_invoices_period_first_day", sql`extract(day from ${t.period}) = 1`),
  ],
);

export type CloudInvoice = typeof cloudInvoices.$inferSelect;

export const costLineTypes = ["resource", "tax", "credit", "other"] as const;
export type CostLineType = (typeof costLineTypes)[number];
export const matchMethods = ["id", "name", "none"] as const;
export type MatchMethod = (typeof matchMethods)[number];

/** One row per line of an invoice's CSV: what DO charged us (COGS), and the resource it paid for when we know it. */
export const cloudCostLines = pgTable(
  "cloud_cost_lines",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => cloudInvoices.id, { onDelete: "cascade" }),
    /** The invoice's period, copied so the explorer and the API filter and page on one index. */
    period: date("period", { mode: "string" }).notNull(),
    /** Line of the CSV file (the header is line 1): stable across re-ingests of the same file. */
    lineNo: integer("line_no").notNull(),
    product: text("product").notNull(),
    groupDescription: text("group_description"),
    description: text("description").notNull(),
    hours: numeric("hours"),
    startAt: timestamp("start_at", { withTimezone: true }),
    endAt: timestamp("end_at", { withTimezone: true }),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    projectName: text("project_name"),
    /** DO's own category column, kept as DO wrote it. */
    category: text("category"),
    lineType: text("line_type").$type<CostLineType>().notNull(),
    kind: text("kind").$type<ResourceKind>(),
    /** The resource name taken from `name (size)` (or the group, or the IP); what name matching compares. */
    name: text("name"),
    sizeLabel: text("size_label"),
    isBackup: boolean("is_backup").notNull().default(false),
    /** DO's ids for the line, from the invoice's JSON items, when DO gave them. */
    doResourceId: text("do_resource_id"),
    doResourceUuid: text("do_resource_uuid"),
    resourceId: uuid("resource_id").references(() => cloudResources.id, { onDelete: "set null" }),
    matchMethod: text("match_method").$type<MatchMethod>().notNull().default("none"),
  },
  (t) => [
    // Exactly one copy of every line, whatever races between ingests.
    uniqueIndex("cloud_cost_lines_invoice_line_key").on(t.invoiceId, t.lineNo),
    // Keyset pages of one period, optionally narrowed by kind (GET /api/v1/billing/cost-lines).
    index("cloud_cost_lines_period_id_idx").on(t.period, t.id),
    index("cloud_cost_lines_period_kind_id_idx").on(t.period, t.kind, t.id),
    index("cloud_cost_lines_resource_idx")
      .on(t.resourceId)
      .where(sql`${t.resourceId} is not null`),
    check("cloud_cost_lines_line_type_check", sql`${t.lineType} in ('resource', 'tax', 'credit', 'other')`),
    check("cloud_cost_lines_match_method_check", sql`${t.matchMethod} in ('id', 'name', 'none')`),
  ],
);

export type CloudCostLine = typeof cloudCostLines.$inferSelect;
