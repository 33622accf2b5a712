"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { seedDemoAccount } from "@/lib/demo/seed-demo-account";
import { ApiError } from "@/lib/http/errors";
import { adminAction } from "@/lib/http/admin-action";
import { notificationSettings } from "@/lib/notifications/settings";
import { env } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";

/** The demo page's button: the same idempotent seed `npm run db:seed` runs with ARCADIA_DEMO, for a server started without it. */
export const loadDemoAccountAction = adminAction(z.object({}), async () => {
  if (!env().ARCADIA_DEMO) throw new ApiError("forbidden", "The demo's customers are loaded only into the demo account (ARCADIA_DEMO)");
  const webhook = { ...notificationSettings(env()), doApiUrl: env().DO_API_URL };
  const parts = await seedDemoAccount(getDb(), provisioningDepsFromEnv(getDb(), env()), webhook);
  return { message: `Loaded: ${parts.join("; ")}.`, revalidate: [["/", "layout"]] };
});
