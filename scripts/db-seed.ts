import { seedDemoBilling } from "@/lib/billing/seed-demo-billing";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { cliEnv } from "@/lib/platform/env";
import { runCli, withCliDb } from "./cli";

// npm run db:seed: every idempotent seed, in dependency order. Each upserts on natural keys, so rerunning changes nothing.
runCli(async () => {
  await withCliDb(async (h) => {
    const parts = [await seedStarterCatalog(h.db)];
    // Demo customers only for the bundled fake account: a real deployment gets them from arcadia-app.
    if (cliEnv().ARCADIA_DEMO) parts.push(await seedDemoBilling(h.db));
    console.log(`seed applied (${h.driver}): ${parts.join(", ")}`);
  });
});
