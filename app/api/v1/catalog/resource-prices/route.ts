import { getDb } from "@/db";
import { listResourcePricesOp } from "@/lib/catalog/operations";
import { listEffectiveResourcePrices } from "@/lib/catalog/resource-prices";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listResourcePricesOp, async ({ query }) => okList(await listEffectiveResourcePrices(getDb(), query.at), null));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
