import { getDb } from "@/db";
import { getMarginReport, resolveMarginRange, toMarginItems } from "@/lib/billing/get-margin-report";
import { getMarginOp } from "@/lib/billing/operations";
import { env } from "@/lib/platform/env";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(getMarginOp, async ({ query }) => {
  const range = resolveMarginRange(query);
  const report = await getMarginReport(getDb(), {
    ...range,
    allocateShared: query.allocate_shared,
    currency: env().REPORTING_CURRENCY,
    tagPrefix: env().TENANT_TAG_PREFIX,
  });
  return okList(toMarginItems(report, query.group_by), null);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
