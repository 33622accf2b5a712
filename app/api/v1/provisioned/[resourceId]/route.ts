import { getDb } from "@/db";
import { apiActor } from "@/lib/drift/api-actor";
import { recordProvisionedOp } from "@/lib/drift/operations";
import { recordProvisioned } from "@/lib/drift/record-provisioned";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";

export const dynamic = "force-dynamic";

const handler = withApiAuth(recordProvisionedOp, async ({ params, body, principal }) =>
  ok(await recordProvisioned(getDb(), params.resourceId, body.spec, apiActor(principal))),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
