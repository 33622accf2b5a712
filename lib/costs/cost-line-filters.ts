import { and, eq, ilike, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { containsPattern } from "@/db/like";
import { type CostLineType, cloudCostLines } from "@/db/schema/costs";
import { type CostKind, isResourceKind, type NullableCostDimension } from "./cost-dimensions";
import { tenantAtMonthEndSql } from "./tenant-at-month-end-sql";

/** Match states the explorer filters on: tax and credit lines are their own state, not "unmatched". */
export const matchStates = ["matched", "unmatched", "tax", "credit", "other"] as const;
export type MatchState = (typeof matchStates)[number];

export interface CostLineFilter {
  period?: string;
  /** A resource kind, or what a line without one is (tax, credit, other), as the grouped view groups kinds. */
  kind?: CostKind;
  lineType?: CostLineType;
  /** true: matched to a resource; false: not matched. */
  matched?: boolean;
  match?: MatchState;
  project?: string;
  category?: string;
  product?: string;
  /** The tenant the line's resource was tagged for at the end of the line's month (needs `tagPrefix`). */
  tenant?: string;
  /** Dimensions the lines have no value for: no project or category, unmatched, shared (no tenant). */
  none?: readonly NullableCostDimension[];
  tagPrefix?: string;
  /** Substring of the description, case-insensitive. */
  q?: string;
  resourceId?: string;
}

export function costLineFilters(filter: CostLineFilter): SQL[] {
  const l = cloudCostLines;
  const where: SQL[] = [];
  if (filter.period) where.push(eq(l.period, filter.period));
  if (filter.kind) where.push(kindFilter(filter.kind));
  if (filter.lineType) where.push(eq(l.lineType, filter.lineType));
  if (filter.matched !== undefined) where.push(filter.matched ? isNotNull(l.resourceId) : isNull(l.resourceId));
  if (filter.project) where.push(eq(l.projectName, filter.project));
  if (filter.category) where.push(eq(l.category, filter.category));
  if (filter.product) where.push(eq(l.product, filter.product));
  if (filter.resourceId) where.push(eq(l.resourceId, filter.resourceId));
  if (filter.q) where.push(ilike(l.description, containsPattern(filter.q)));
  if (filter.tenant) where.push(sql`exists (select 1 from cloud_resources r where r.id = ${l.resourceId} and ${tenantOf(filter)} = ${filter.tenant})`);
  for (const dimension of filter.none ?? []) {
    if (dimension === "project") where.push(isNull(l.projectName));
    if (dimension === "category") where.push(isNull(l.category));
    if (dimension === "resource") where.push(isNull(l.resourceId));
    if (dimension === "tenant") where.push(sql`not exists (select 1 from cloud_resources r where r.id = ${l.resourceId} and ${tenantOf(filter)} is not null)`);
  }
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

/** The kind a line groups under (cost-groups-sql.ts): its own, else tax or credit, else other. */
function kindFilter(kind: CostKind): SQL {
  const l = cloudCostLines;
  if (isResourceKind(kind)) return eq(l.kind, kind);
  const lineTypes: CostLineType[] = kind === "other" ? ["resource", "other"] : [kind];
  return and(isNull(l.kind), inArray(l.lineType, lineTypes))!;
}

function tenantOf(filter: CostLineFilter): SQL {
  if (filter.tagPrefix === undefined) throw new Error("a tenant filter needs the tenant tag prefix");
  return tenantAtMonthEndSql("r", sql`${cloudCostLines.period}`, filter.tagPrefix);
}
