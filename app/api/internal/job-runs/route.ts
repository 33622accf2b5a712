import { getDb } from "@/db";
import { getJobOrThrow } from "@/jobs/registry";
import { env } from "@/lib/platform/env";
import { apiRoute } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { parseOrThrow } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { authorizeHandover, handOverBody, startHandedOverRun } from "@/lib/job-handover/handed-over-runs";

export const dynamic = "force-dynamic";

/** `npm run job` hands its job here when this server holds the embedded database (see lib/job-handover). */
export const POST = apiRoute("/api/internal/job-runs", async ({ req }) => {
  authorizeHandover(req);
  const body = parseOrThrow(handOverBody, await readJson(req), "body");
  const id = await startHandedOverRun(getDb(), env(), getJobOrThrow(body.job), body.args);
  return ok({ id }, { status: 202 });
});
