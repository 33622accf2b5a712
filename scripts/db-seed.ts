import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { seedDemoAccount } from "@/lib/demo/seed-demo-account";
import { notificationSettings } from "@/lib/notifications/settings";
import { cliEnv } from "@/lib/platform/env";
import { provisioningDepsFromEnv } from "@/lib/provisioning/config";
import { runCli, withCliDb } from "./cli";

// npm run db:seed: every idempotent seed, in dependency order. Each upserts on natural keys, so rerunning changes nothing.
runCli(async () => {
  await withCliDb(async (h) => {
    // Demo customers only for the bundled fake account: a real deployment gets them from arcadia-app.
    // The demo's drifting specs need the inventory: the demo seeds again after its first sync.
    const e = cliEnv();
    const webhook = { ...notificationSettings(e), doApiUrl: e.DO_API_URL };
    const parts = e.ARCADIA_DEMO ? await seedDemoAccount(h.db, provisioningDepsFromEnv(h.db, e), webhook) : [await seedStarterCatalog(h.db)];
    console.log(`seed applied (${h.driver}): ${parts.join(", ")}`);
  });
});
