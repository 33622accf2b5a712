"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ConfirmState } from "@/components/ui/confirm-dialog";
import { getDb } from "@/db";
import { requireAdmin } from "@/lib/auth/session";
import { deleteFxRate, fxRateInput, upsertFxRate } from "@/lib/billing/fx-rates";
import type { FormState } from "@/lib/catalog/form-state";
import { migrateVersionSubscriptions, migrationTimings } from "@/lib/billing/migrate-subscriptions";
import { isApiError } from "@/lib/http/errors";

// Each action is a public POST endpoint: the admin session is checked first, the FormData parsed with zod.

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function saveFxRateAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireAdmin();
  const values = { base: text(form, "base"), quote: text(form, "quote"), rate: text(form, "rate"), effective_from: text(form, "effective_from") };
  const parsed = fxRateInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", fieldErrors, values };
  }
  const saved = await upsertFxRate(getDb(), parsed.data, user.email ?? user.id);
  revalidatePath("/margin", "layout");
  return { status: "saved", message: `Saved: 1 ${saved.base} = ${saved.rate} ${saved.quote} from ${saved.effective_from}.`, fieldErrors: {} };
}

export async function deleteFxRateAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  await requireAdmin();
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return { error: "That rate could not be identified; reload the page." };
  try {
    await deleteFxRate(getDb(), id.data);
  } catch (e) {
    if (isApiError(e)) return { error: e.message };
    throw e;
  }
  revalidatePath("/margin", "layout");
  return { done: true };
}

const migrateForm = z.object({ version_id: z.uuid(), plan_code: z.string().min(1).max(40), timing: z.enum(migrationTimings) });

export async function migrateSubscriptionsAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  const user = await requireAdmin();
  const parsed = migrateForm.safeParse({ version_id: form.get("version_id"), plan_code: form.get("plan_code"), timing: form.get("timing") });
  if (!parsed.success) return { error: "Choose when the move takes effect." };
  let moved: number;
  let toVersion: number;
  try {
    const r = await migrateVersionSubscriptions(getDb(), { fromVersionId: parsed.data.version_id, timing: parsed.data.timing, actor: user.email ?? user.id });
    moved = r.moved;
    toVersion = r.toVersion;
  } catch (e) {
    if (isApiError(e)) return { error: e.message };
    throw e;
  }
  revalidatePath("/margin", "layout");
  revalidatePath(`/catalog/${parsed.data.plan_code}`, "layout");
  redirect(`/margin/plans/${parsed.data.plan_code}?moved=${moved}&to=${toVersion}&timing=${parsed.data.timing}`);
}
