import { getDb } from "@/db";
import { acceptDrift } from "@/lib/drift/accept-drift";
import { apiActor } from "@/lib/drift/api-actor";
import { acceptDriftOp } from "@/lib/drift/operations";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(acceptDriftOp, async ({ params, principal }) => ok(await acceptDrift(getDb(), params.id, apiActor(principal))));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
