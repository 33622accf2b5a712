import { getDb } from "@/db";
import { listCatalogPlans } from "@/lib/catalog/list-catalog-plans";
import { listCatalogPlansOp } from "@/lib/catalog/operations";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const GET = withApiAuth(listCatalogPlansOp, async () => okList(await listCatalogPlans(getDb()), null));
