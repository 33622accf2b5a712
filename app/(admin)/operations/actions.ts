"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { announceDecision } from "@/jobs/provisioning-runs";
import { adminAction, type Revalidation } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";
import { cancelRequest } from "@/lib/provisioning/cancel-request";
import { approveRequest, rejectRequest } from "@/lib/provisioning/decide-request";

const requestForm = z.object({ id: formLevel(z.uuid(), "Unknown request.") });
// The operations list and detail pages and the tenant pages all show requests.
const shown: Revalidation[] = [
  ["/operations", "layout"],
  ["/tenants", "layout"],
];
const refused = { revalidate: shown, message: (reason: string) => `${reason}. The page has been refreshed.` };

/** Approve: the request is queued again and its saga (woken here) carries on. */
export const approveRequestAction = adminAction(
  requestForm,
  async ({ id }, { actor }) => {
    await approveRequest(getDb(), id, actor);
    await announceDecision(id, "approved");
    return { message: "Approved: the saga carries on.", revalidate: shown };
  },
  { refused, failure: "Could not approve the request." },
);

/** Reject: cancelled before anything reached DO, its reservation released. */
export const rejectRequestAction = adminAction(
  requestForm,
  async ({ id }, { actor }) => {
    await rejectRequest(getDb(), id, actor);
    await announceDecision(id, "rejected");
    return { message: "Rejected.", revalidate: shown };
  },
  { refused, failure: "Could not reject the request." },
);

/** Cancel a queued request or one awaiting approval; the saga, if waiting, wakes and stops. */
export const cancelRequestAction = adminAction(
  requestForm,
  async ({ id }, { actor }) => {
    await cancelRequest(getDb(), id, actor);
    await announceDecision(id, "rejected");
    return { message: "Cancelled.", revalidate: shown };
  },
  { refused, failure: "Could not cancel the request." },
);
