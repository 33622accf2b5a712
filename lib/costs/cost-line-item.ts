import { sql } from "drizzle-orm";
import { isoTimestamp, jsonObjectText } from "@/db/json";
import { cloudCostLines as l, cloudInvoices } from "@/db/schema/costs";
import type { CostLineItem } from "./schemas";

/**
 * A cost line as the API shows it (`CostLineItem`), built by PostgreSQL from a cost line joined to its invoice: the
 * API splices it into responses as it is, pages parse it. Money is written as `centsToDecimal` writes it ("-1.50"),
 * hours without trailing zeros ("720", not "720.0000").
 */
export const costLineItemJson = jsonObjectText({
  id: sql`${l.id}::text`,
  invoice_uuid: cloudInvoices.invoiceUuid,
  period: sql`${l.period}::text`,
  // Stored is the line's row in DO's file, where the header is row 1 (ingest errors and the unique key use it);
  // people count an invoice's lines from 1, so the UI, the export and the API all show it without the header.
  line_no: sql`${l.lineNo} - 1`,
  product: l.product,
  group_description: l.groupDescription,
  description: l.description,
  hours: sql`trim_scale(${l.hours})::text`,
  start: isoTimestamp(l.startAt),
  end: isoTimestamp(l.endAt),
  amount: sql`(${l.amountCents}::numeric / 100)::numeric(20, 2)::text`,
  currency: cloudInvoices.currency,
  project_name: l.projectName,
  category: l.category,
  line_type: l.lineType,
  kind: l.kind,
  name: l.name,
  resource_id: l.resourceId,
  match_method: l.matchMethod,
});

export function parseCostLineItem(json: string): CostLineItem {
  return JSON.parse(json) as CostLineItem;
}
