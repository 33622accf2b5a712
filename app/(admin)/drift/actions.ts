"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { acceptDrifts } from "@/lib/drift/accept-drift";
import type { AcceptedDriftSummary } from "@/lib/drift/schemas";
import { adminAction, type Revalidation } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";

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
