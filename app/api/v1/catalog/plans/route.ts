import { getDb } from "@/db";
import { listCatalogPlans } from "@/lib/catalog/list-catalog-plans";
import { listCatalogPlansOp } from "@/lib/catalog/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listCatalogPlansOp, async () => okList(await listCatalogPlans(getDb()), null));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
