import { getDb } from "@/db";
import { acceptDrift } from "@/lib/drift/accept-drift";
import { apiActor } from "@/lib/drift/api-actor";
import { acceptDriftOp } from "@/lib/drift/operations";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

export const POST = withApiAuth(acceptDriftOp, async ({ params, principal }) => ok(await acceptDrift(getDb(), params.id, apiActor(principal))));
