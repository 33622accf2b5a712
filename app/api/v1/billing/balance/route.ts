import { getDb } from "@/db";
import { getLatestBalance } from "@/lib/costs/get-balance";
import { getBillingBalanceOp } from "@/lib/costs/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { ApiError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const handler = withApiAuth(getBillingBalanceOp, async () => {
  const balance = await getLatestBalance(getDb());
  if (!balance) throw new ApiError("not_found", "No balance snapshot yet: the snapshot-balance job has not run");
  return ok(balance);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
