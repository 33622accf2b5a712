"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { seedCatalog } from "@/db/seed/catalog";
import { requireAdmin } from "@/lib/auth/session";
import { createAddon, setAddonActive } from "@/lib/catalog/addons";
import type { FormValues } from "@/lib/catalog/form-schemas";
import { parseAddonForm, parsePlanDetailsForm, parsePlanForm, parseResourcePriceForm, parseVersionForm } from "@/lib/catalog/form-schemas";
import type { FormState } from "@/lib/catalog/form-state";
import { createPlan, updatePlan } from "@/lib/catalog/plans";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createResourcePrice } from "@/lib/catalog/resource-prices";
import { catalogCodeSchema } from "@/lib/catalog/schemas";
import { createDraftVersion, deleteDraftVersion, updateDraftVersion } from "@/lib/catalog/versions";
import type { ConfirmState } from "@/components/ui/confirm-dialog";
import { isApiError } from "@/lib/http/errors";

// Every action is a public POST endpoint: each checks the admin session first, parses its FormData with zod (hidden
// ids included), calls lib/catalog, and revalidates the pages that show what changed.

const versionIdSchema = z.uuid();

async function actor(): Promise<string> {
  const user = await requireAdmin();
  return user.email ?? user.id;
}

/** A refused domain call becomes the form's message, plus field errors when the domain named the field. */
function refused(e: unknown, values: FormValues): FormState {
  if (!isApiError(e)) throw e;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(e.details)) {
    for (const d of e.details as { path?: string; message?: string }[]) if (d.path && d.message) fieldErrors[d.path] ??= d.message;
  }
  return { status: "error", message: e.message, fieldErrors, values };
}

function revalidateCatalog(planCode?: string) {
  revalidatePath("/catalog");
  revalidatePath("/plans");
  if (planCode) revalidatePath(`/catalog/${planCode}`, "layout");
}

export async function createPlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const by = await actor();
  const parsed = parsePlanForm(form);
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  let planCode: string;
  try {
    planCode = (await createPlan(getDb(), parsed.data.plan, parsed.data.version, by)).plan_code;
  } catch (e) {
    return refused(e, parsed.values);
  }
  revalidateCatalog(planCode);
  redirect(`/catalog/${planCode}/versions/1`);
}

export async function updatePlanDetailsAction(_prev: FormState, form: FormData): Promise<FormState> {
  await requireAdmin();
  const code = catalogCodeSchema.safeParse(form.get("plan_code"));
  const parsed = parsePlanDetailsForm(form);
  if (!code.success) return { status: "error", message: "This form is for a plan that does not exist.", fieldErrors: {} };
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  try {
    await updatePlan(getDb(), code.data, parsed.data);
  } catch (e) {
    return refused(e, parsed.values);
  }
  revalidateCatalog(code.data);
  return { status: "saved", message: "Plan details saved.", fieldErrors: {}, values: parsed.values };
}

export async function createDraftAction(_prev: FormState, form: FormData): Promise<FormState> {
  const by = await actor();
  const code = catalogCodeSchema.safeParse(form.get("plan_code"));
  if (!code.success) return { status: "error", message: "This form is for a plan that does not exist.", fieldErrors: {} };
  const parsed = parseVersionForm(form);
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  let version: number;
  try {
    version = (await createDraftVersion(getDb(), code.data, parsed.data, by)).version;
  } catch (e) {
    return refused(e, parsed.values);
  }
  revalidateCatalog(code.data);
  redirect(`/catalog/${code.data}/versions/${version}`);
}

export async function saveDraftAction(_prev: FormState, form: FormData): Promise<FormState> {
  await requireAdmin();
  const id = versionIdSchema.safeParse(form.get("version_id"));
  if (!id.success) return { status: "error", message: "This form is for a version that does not exist.", fieldErrors: {} };
  const parsed = parseVersionForm(form);
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  try {
    await updateDraftVersion(getDb(), id.data, parsed.data);
  } catch (e) {
    return refused(e, parsed.values);
  }
  const code = catalogCodeSchema.safeParse(form.get("plan_code"));
  revalidateCatalog(code.success ? code.data : undefined);
  return { status: "saved", message: "Draft saved.", fieldErrors: {}, values: parsed.values };
}

export async function publishVersionAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  const by = await actor();
  const id = versionIdSchema.safeParse(form.get("version_id"));
  if (!id.success) return { error: "This form is for a version that does not exist." };
  let planCode: string;
  let version: number;
  try {
    ({ plan_code: planCode, version } = await publishVersion(getDb(), id.data, by));
  } catch (e) {
    if (isApiError(e)) return { error: e.message };
    throw e;
  }
  revalidateCatalog(planCode);
  redirect(`/catalog/${planCode}?published=${version}`);
}

export async function deleteDraftAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  await requireAdmin();
  const id = versionIdSchema.safeParse(form.get("version_id"));
  if (!id.success) return { error: "This form is for a version that does not exist." };
  let planCode: string;
  let version: number;
  try {
    ({ plan_code: planCode, version } = await deleteDraftVersion(getDb(), id.data));
  } catch (e) {
    if (isApiError(e)) return { error: e.message };
    throw e;
  }
  revalidateCatalog(planCode);
  redirect(`/catalog/${planCode}?deleted=${version}`);
}

export async function createAddonAction(_prev: FormState, form: FormData): Promise<FormState> {
  await requireAdmin();
  const parsed = parseAddonForm(form);
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  try {
    const a = await createAddon(getDb(), parsed.data);
    revalidatePath("/catalog/addons");
    revalidatePath("/plans");
    return { status: "saved", message: `Add-on ${a.code} created.`, fieldErrors: {} };
  } catch (e) {
    return refused(e, parsed.values);
  }
}

export async function setAddonActiveAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  await requireAdmin();
  const parsed = z.object({ code: catalogCodeSchema, active: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: "This form is for an add-on that does not exist." };
  try {
    await setAddonActive(getDb(), parsed.data.code, parsed.data.active === "true");
  } catch (e) {
    if (isApiError(e)) return { error: e.message };
    throw e;
  }
  revalidatePath("/catalog/addons");
  revalidatePath("/plans");
  return { done: true };
}

export async function createResourcePriceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const by = await actor();
  const parsed = parseResourcePriceForm(form);
  if (!parsed.success) return { status: "error", fieldErrors: parsed.fieldErrors, values: parsed.values };
  try {
    const { created, closed } = await createResourcePrice(getDb(), parsed.data, by);
    revalidatePath("/catalog/resource-prices");
    const closedNote = closed ? ` The previous price now ends at ${created.effective_from}.` : "";
    return { status: "saved", message: `New ${created.resource_kind} price recorded from ${created.effective_from}.${closedNote}`, fieldErrors: {} };
  } catch (e) {
    return refused(e, parsed.values);
  }
}

/** The empty catalog's one-click start: the same idempotent seed as `npm run db:seed`. */
export async function seedStarterCatalogAction(): Promise<void> {
  await requireAdmin();
  await seedCatalog(getDb());
  revalidateCatalog();
  redirect("/catalog?seeded=1");
}
