import { getDb } from "@/db";
import { listActiveAddons } from "@/lib/catalog/addons";
import { listCatalogAddonsOp } from "@/lib/catalog/operations";
import { withApiAuth } from "@/lib/http/api-route";
import { okList } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const GET = withApiAuth(listCatalogAddonsOp, async () => okList(await listActiveAddons(getDb()), null));
