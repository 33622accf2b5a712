import { getTableColumns } from "drizzle-orm";
import { type CloudCostLine, cloudCostLines, cloudInvoices } from "@/db/schema/costs";
import { formatAmount } from "./format-amount";
import type { CostLineItem } from "./schemas";

export type CostLineRow = CloudCostLine & { invoiceUuid: string };

/** What to select (from cost lines joined to their invoice) to build a CostLineRow. */
export const costLineColumns = { ...getTableColumns(cloudCostLines), invoiceUuid: cloudInvoices.invoiceUuid };

export function toCostLineItem(line: CostLineRow): CostLineItem {
  return {
    id: String(line.id),
    invoice_uuid: line.invoiceUuid,
    period: line.period,
    line_no: line.lineNo,
    product: line.product,
    group_description: line.groupDescription,
    description: line.description,
    hours: line.hours === null ? null : trimHours(line.hours),
    start: line.startAt?.toISOString() ?? null,
    end: line.endAt?.toISOString() ?? null,
    amount: formatAmount(line.amountCents),
    project_name: line.projectName,
    category: line.category,
    line_type: line.lineType,
    kind: line.kind,
    name: line.name,
    resource_id: line.resourceId,
    match_method: line.matchMethod,
  };
}

/** numeric comes back as PostgreSQL wrote it; "720" reads better than "720.0000" would. */
export function trimHours(hours: string): string {
  return hours.includes(".") ? hours.replace(/\.?0+$/, "") : hours;
}
