"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requireAdmin } from "@/lib/auth/session";
import { describeError } from "@/lib/describe-error";
import { acceptDrifts } from "@/lib/drift/accept-drift";
import { isApiError } from "@/lib/http/errors";
import { logger } from "@/lib/log";

export type AcceptDriftResult =
  | { ok: true; accepted: { id: string; field: string; resourceName: string; specVersion: number }[] }
  | { ok: false; message: string };

const acceptDriftInput = z.array(z.string().uuid()).min(1).max(500);

/** Accepts one or several drifts from the inbox, all in one transaction (see acceptDrifts). */
export async function acceptDriftAction(ids: string[]): Promise<AcceptDriftResult> {
  const user = await requireAdmin();
  const parsed = acceptDriftInput.safeParse(ids);
  if (!parsed.success) return { ok: false, message: "Select between 1 and 500 drifts to accept." };
  try {
    const accepted = await acceptDrifts(getDb(), parsed.data, user.email ?? user.name ?? user.id);
    // The layout's navigation badge counts open drift, so the whole admin tree is refreshed, not only this page.
    revalidatePath("/", "layout");
    return {
      ok: true,
      accepted: accepted.map((a) => ({ id: a.drift.id, field: a.drift.field, resourceName: a.drift.resource.name, specVersion: a.provisioned.spec_version })),
    };
  } catch (err) {
    if (isApiError(err) && err.status < 500) {
      revalidatePath("/", "layout");
      return { ok: false, message: `Nothing was accepted. ${err.message}. The inbox has been refreshed.` };
    }
    logger().error({ err: describeError(err) }, "accepting drift failed");
    return { ok: false, message: "Nothing was accepted: something went wrong on our side. Try again." };
  }
}
