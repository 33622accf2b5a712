"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { createAddon, setAddonActive } from "@/lib/catalog/addons";
import { addonFormSchema, planDetailsFormSchema, planFormSchema, resourcePriceFormSchema, versionFormSchema } from "@/lib/catalog/form-schemas";
import { createPlan, updatePlan } from "@/lib/catalog/plans";
import { publishVersion } from "@/lib/catalog/publish-version";
import { createResourcePrice } from "@/lib/catalog/resource-prices";
import { catalogCodeSchema } from "@/lib/catalog/schemas";
import { createDraftVersion, deleteDraftVersion, updateDraftVersion } from "@/lib/catalog/versions";
import { adminAction, type Revalidation } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";

// Each action goes through adminAction (the admin session, zod over the FormData, hidden ids included, and the
// result the form renders), calls lib/catalog, and names the pages that show what changed.

const planCodeField = formLevel(catalogCodeSchema, "This form is for a plan that does not exist.");
const versionIdField = formLevel(z.uuid(), "This form is for a version that does not exist.");

function catalogPages(planCode?: string): Revalidation[] {
  return planCode ? ["/catalog", "/plans", [`/catalog/${planCode}`, "layout"]] : ["/catalog", "/plans"];
}

export const createPlanAction = adminAction(planFormSchema, async (input, { actor }) => {
  const planCode = (await createPlan(getDb(), input.plan, input.version, actor)).plan_code;
  return { revalidate: catalogPages(planCode), redirect: `/catalog/${planCode}/versions/1` };
});

export const updatePlanDetailsAction = adminAction(planDetailsFormSchema.extend({ plan_code: planCodeField }), async ({ plan_code, ...details }) => {
  await updatePlan(getDb(), plan_code, details);
  return { message: "Plan details saved.", revalidate: catalogPages(plan_code), keepValues: true };
});

export const createDraftAction = adminAction(z.object({ plan_code: planCodeField }).and(versionFormSchema), async ({ plan_code, ...version }, { actor }) => {
  const created = await createDraftVersion(getDb(), plan_code, version, actor);
  return { revalidate: catalogPages(plan_code), redirect: `/catalog/${plan_code}/versions/${created.version}` };
});

export const saveDraftAction = adminAction(
  // The plan's code only says which pages to refresh.
  z.object({ version_id: versionIdField, plan_code: catalogCodeSchema.optional().catch(undefined) }).and(versionFormSchema),
  async ({ version_id, plan_code, ...version }) => {
    await updateDraftVersion(getDb(), version_id, version);
    return { message: "Draft saved.", revalidate: catalogPages(plan_code), keepValues: true };
  },
);

export const publishVersionAction = adminAction(z.object({ version_id: versionIdField }), async ({ version_id }, { actor }) => {
  const { plan_code, version } = await publishVersion(getDb(), version_id, actor);
  return { revalidate: catalogPages(plan_code), redirect: `/catalog/${plan_code}?published=${version}` };
});

export const deleteDraftAction = adminAction(z.object({ version_id: versionIdField }), async ({ version_id }) => {
  const { plan_code, version } = await deleteDraftVersion(getDb(), version_id);
  return { revalidate: catalogPages(plan_code), redirect: `/catalog/${plan_code}?deleted=${version}` };
});

export const createAddonAction = adminAction(addonFormSchema, async (input) => {
  const a = await createAddon(getDb(), input);
  return { message: `Add-on ${a.code} created.`, revalidate: ["/catalog/addons", "/plans"] };
});

export const setAddonActiveAction = adminAction(
  formLevel(z.object({ code: catalogCodeSchema, active: z.enum(["true", "false"]) }), "This form is for an add-on that does not exist."),
  async ({ code, active }) => {
    await setAddonActive(getDb(), code, active === "true");
    return { revalidate: ["/catalog/addons", "/plans"] };
  },
);

export const createResourcePriceAction = adminAction(resourcePriceFormSchema, async (input, { actor }) => {
  const { created, closed } = await createResourcePrice(getDb(), input, actor);
  const closedNote = closed ? ` The previous price now ends at ${created.effective_from}.` : "";
  return { message: `New ${created.resource_kind} price recorded from ${created.effective_from}.${closedNote}`, revalidate: ["/catalog/resource-prices"] };
});

/** The empty catalog's one-click start: the same idempotent seed as `npm run db:seed`. */
export const seedStarterCatalogAction = adminAction(z.object({}), async () => {
  await seedStarterCatalog(getDb());
  return { revalidate: catalogPages(), redirect: "/catalog?seeded=1" };
});
