"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { startProvisioning } from "@/jobs/provisioning-runs";
import { acceptDrifts } from "@/lib/drift/accept-drift";
import type { AcceptedDriftSummary, RevertRequestedSummary } from "@/lib/drift/schemas";
import { adminAction, type Revalidation } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { requestDriftRevert } from "@/lib/provisioning/request-drift-revert";

// The layout's navigation badge counts open drift, so the whole admin tree is refreshed, not only this page; after a
// refusal too, since it means the inbox showed drift that has moved on.
const everyPage: Revalidation[] = [["/", "layout"]];

/** Accepts one or several drifts from the inbox, all in one transaction (see acceptDrifts). */
export const acceptDriftAction = adminAction(
  formLevel(z.array(z.uuid()).min(1).max(500), "Select between 1 and 500 drifts to accept."),
  async (ids, { actor }) => {
    const accepted = await acceptDrifts(getDb(), ids, actor);
    const data: AcceptedDriftSummary[] = accepted.map((a) => ({ id: a.drift.id, field: a.drift.field, resourceName: a.drift.resource.name, specVersion: a.provisioned.spec_version }));
    return { data, revalidate: everyPage };
  },
  {
    refused: { message: (reason) => `Nothing was accepted. ${reason}. The inbox has been refreshed.`, revalidate: everyPage },
    failure: "Nothing was accepted: something went wrong on our side. Try again.",
  },
);

/** Asks DO to put one drift back to its spec (a revert_drift request and its saga); the drift closes once DO matches. */
export const revertDriftAction = adminAction(
  formLevel(z.uuid(), "Choose a drift to revert."),
  async (id, { actor }) => {
    const request = await requestDriftRevert(provisioningDepsFromEnv(getDb(), env()), id, actor);
    await startProvisioning(request);
    const data: RevertRequestedSummary = { id, requestId: request.id, description: String(request.params.description ?? ""), isDryRun: request.dry_run };
    return { data, revalidate: everyPage };
  },
  {
    refused: { message: (reason) => `Nothing was asked of DigitalOcean. ${reason}.`, revalidate: everyPage },
    failure: "Nothing was asked of DigitalOcean: something went wrong on our side. Try again.",
  },
);
