import { getDb } from "@/db";
import { listActiveAddons } from "@/lib/catalog/addons";
import { listCatalogAddonsOp } from "@/lib/catalog/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(listCatalogAddonsOp, async () => okList(await listActiveAddons(getDb()), null));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
