import { apiRoute } from "@/lib/http/api-route";
import { errorResponse } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

/**
 * Any /api/v1 path no operation serves: a 404 in the envelope rather than Next's HTML page. Next prefers every real
 * route over a catch-all (test/api-unmatched.test.ts checks it), and the metric label is one fixed value, however
 * many paths arrive.
 */
const unmatched = apiRoute<{ path: string[] }>("unmatched", () =>
  errorResponse("not_found", "No /api/v1 operation at this path; /api/v1/openapi.json lists them"),
);

export { unmatched as DELETE, unmatched as GET, unmatched as OPTIONS, unmatched as PATCH, unmatched as POST, unmatched as PUT };
