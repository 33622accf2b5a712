"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { isApiError } from "@/lib/http/errors";
import { requestJobRun } from "@/lib/jobs/request-job-run";

export interface RunJobState {
  ok?: boolean;
  message?: string;
}

const runJobForm = z.object({ job: z.string().min(1).max(64), args: z.string().max(2000).optional() });

export async function runJobNow(_prev: RunJobState, form: FormData): Promise<RunJobState> {
  await requireAdmin();
  const parsed = runJobForm.safeParse({ job: form.get("job"), args: form.get("args") ?? undefined });
  if (!parsed.success) return { ok: false, message: "Unknown job." };
  let args: Record<string, unknown> = {};
  try {
    args = parsed.data.args ? (JSON.parse(parsed.data.args) as Record<string, unknown>) : {};
  } catch {
    return { ok: false, message: "Job arguments are not valid JSON." };
  }
  try {
    const outcome = await requestJobRun(parsed.data.job, args);
    revalidatePath("/jobs");
    return { ok: true, message: outcome.message };
  } catch (err) {
    return { ok: false, message: isApiError(err) ? err.message : "Could not start the job." };
  }
}
