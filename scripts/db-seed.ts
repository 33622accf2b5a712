import { seedDemoBilling } from "@/lib/billing/seed-demo-billing";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { seedDemoDrift } from "@/lib/drift/seed-demo-drift";
import { cliEnv } from "@/lib/platform/env";
import { runCli, withCliDb } from "./cli";

// npm run db:seed: every idempotent seed, in dependency order. Each upserts on natural keys, so rerunning changes nothing.
runCli(async () => {
  await withCliDb(async (h) => {
    const parts = [await seedStarterCatalog(h.db)];
    // Demo customers only for the bundled fake account: a real deployment gets them from arcadia-app.
    // The demo's drifting specs need the inventory: the demo seeds again after its first sync.
    if (cliEnv().ARCADIA_DEMO) parts.push(await seedDemoBilling(h.db), await seedDemoDrift(h.db));
    console.log(`seed applied (${h.driver}): ${parts.join(", ")}`);
  });
});
