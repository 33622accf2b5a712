import { getDb } from "@/db";
import { apiRoute } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { parseOrThrow } from "@/lib/http/errors";
import { authorizeHandover, getHandedOverRun, handedOverRunParams } from "@/lib/job-handover/handed-over-runs";

export const dynamic = "force-dynamic";

/** A handed-over run's state, which `npm run job` polls until the run has finished. */
export const GET = apiRoute<{ id: string }>("/api/internal/job-runs/{id}", async ({ req, params }) => {
  authorizeHandover(req);
  const { id } = parseOrThrow(handedOverRunParams, params, "path parameters");
  return ok(await getHandedOverRun(getDb(), id));
});
