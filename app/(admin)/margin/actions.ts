"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { deleteFxRate, fxRateInput, upsertFxRate } from "@/lib/billing/fx-rates";
import { migrateVersionSubscriptions, migrationTimings } from "@/lib/billing/migrate-subscriptions";
import { adminAction } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";
import { formatDay } from "@/lib/time/format-month";

// Each action goes through adminAction: the admin session is checked first, the FormData parsed with zod.

export const saveFxRateAction = adminAction(fxRateInput, async (input, { actor }) => {
  const saved = await upsertFxRate(getDb(), input, actor);
  const from = formatDay(saved.effective_from, { withYear: true });
  return { message: `Saved: 1 ${saved.base} = ${saved.rate} ${saved.quote} from ${from}.`, revalidate: [["/margin", "layout"]] };
});

export const deleteFxRateAction = adminAction(z.object({ id: formLevel(z.uuid(), "That rate could not be identified; reload the page.") }), async ({ id }) => {
  await deleteFxRate(getDb(), id);
  return { revalidate: [["/margin", "layout"]] };
});

const migrateForm = formLevel(
  z.object({ version_id: z.uuid(), plan_code: z.string().min(1).max(40), timing: z.enum(migrationTimings) }),
  "Choose when the move takes effect.",
);

export const migrateSubscriptionsAction = adminAction(migrateForm, async ({ version_id, plan_code, timing }, { actor }) => {
  const { moved, toVersion } = await migrateVersionSubscriptions(getDb(), { fromVersionId: version_id, timing, actor });
  return {
    revalidate: [["/margin", "layout"], [`/catalog/${plan_code}`, "layout"]],
    redirect: `/margin/plans/${plan_code}?moved=${moved}&to=${toVersion}&timing=${timing}`,
  };
});
