import { eq, ilike, isNotNull, isNull, type SQL, and } from "drizzle-orm";
import { containsPattern } from "@/db/like";
import { type CostLineType, cloudCostLines } from "@/db/schema/costs";
import type { ResourceKind } from "@/db/schema/resources";

/** Match states the explorer filters on: tax and credit lines are their own state, not "unmatched". */
export const matchStates = ["matched", "unmatched", "tax", "credit", "other"] as const;
export type MatchState = (typeof matchStates)[number];

export interface CostLineFilter {
  period?: string;
  kind?: ResourceKind;
  lineType?: CostLineType;
  /** true: matched to a resource; false: not matched. */
  matched?: boolean;
  match?: MatchState;
  project?: string;
  category?: string;
  /** Substring of the description, case-insensitive. */
  q?: string;
  resourceId?: string;
}

export function costLineFilters(filter: CostLineFilter): SQL[] {
  const l = cloudCostLines;
  const where: SQL[] = [];
  if (filter.period) where.push(eq(l.period, filter.period));
  if (filter.kind) where.push(eq(l.kind, filter.kind));
  if (filter.lineType) where.push(eq(l.lineType, filter.lineType));
  if (filter.matched !== undefined) where.push(filter.matched ? isNotNull(l.resourceId) : isNull(l.resourceId));
  if (filter.project) where.push(eq(l.projectName, filter.project));
  if (filter.category) where.push(eq(l.category, filter.category));
  if (filter.resourceId) where.push(eq(l.resourceId, filter.resourceId));
  if (filter.q) where.push(ilike(l.description, containsPattern(filter.q)));
  switch (filter.match) {
    case "matched":
      where.push(isNotNull(l.resourceId));
      break;
    case "unmatched":
      // A resource line we could not tie to a resource: what needs an operator's eye.
      where.push(and(eq(l.lineType, "resource"), isNull(l.resourceId))!);
      break;
    case "tax":
    case "credit":
    case "other":
      where.push(eq(l.lineType, filter.match));
      break;
  }
  return where;
}
