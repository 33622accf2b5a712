import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudCostLines, cloudInvoices } from "@/db/schema";
import { costLineItemJson, parseCostLineItem } from "./cost-line-item";
import type { CostLineItem } from "./schemas";

export interface ResourceCostLineList {
  /** The newest `limit` of them. */
  lines: CostLineItem[];
  lineCount: number;
  totalCents: number;
}

/** The cost lines that paid for one resource, newest period first, with the total over all of them. */
export async function listResourceCostLines(db: DbOrTx, resourceId: string, limit = 100): Promise<ResourceCostLineList> {
  const where = and(eq(cloudCostLines.resourceId, resourceId));
  const [rows, [totals]] = await Promise.all([
    db
      .select({ item: costLineItemJson })
      .from(cloudCostLines)
      .innerJoin(cloudInvoices, eq(cloudInvoices.id, cloudCostLines.invoiceId))
      .where(where)
      .orderBy(desc(cloudCostLines.period), cloudCostLines.lineNo)
      .limit(limit),
    db
      .select({
        lineCount: sql<number>`count(*)::int`,
        totalCents: sql<number>`coalesce(sum(${cloudCostLines.amountCents}), 0)`.mapWith(Number),
      })
      .from(cloudCostLines)
      .where(where),
  ]);
  return { lines: rows.map((r) => parseCostLineItem(r.item)), lineCount: totals?.lineCount ?? 0, totalCents: totals?.totalCents ?? 0 };
}
