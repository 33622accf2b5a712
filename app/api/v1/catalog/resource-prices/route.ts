import { getDb } from "@/db";
import { listResourcePricesOp } from "@/lib/catalog/operations";
import { listEffectiveResourcePrices } from "@/lib/catalog/resource-prices";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const GET = withApiAuth(listResourcePricesOp, async ({ query }) => okList(await listEffectiveResourcePrices(getDb(), query.at), null));
