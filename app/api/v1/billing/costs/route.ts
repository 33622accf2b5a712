import { getDb } from "@/db";
import { aggregateCosts } from "@/lib/costs/aggregate-costs";
import { toCostGroupItems } from "@/lib/costs/cost-group-items";
import { anomalyThresholdsOf } from "@/lib/costs/detect-cost-anomaly";
import { getCostsOp } from "@/lib/costs/operations";
import { getCostPeriodBounds, resolveCostRange } from "@/lib/costs/resolve-cost-range";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { env } from "@/lib/platform/env";

export const dynamic = "force-dynamic";

const handler = withApiAuth(getCostsOp, async ({ query }) => {
  const db = getDb();
  // The months with lines are only needed when the range leaves an end open.
  const range = resolveCostRange(query, query.from && query.to ? null : await getCostPeriodBounds(db));
  const result = await aggregateCosts(db, {
    ...range,
    groupBy: query.group_by,
    groupBy2: query.group_by2,
    tagPrefix: env().TENANT_TAG_PREFIX,
    thresholds: anomalyThresholdsOf(env()),
  });
  return ok(toCostGroupItems(result));
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
