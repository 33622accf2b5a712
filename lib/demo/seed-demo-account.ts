import "server-only";
import type { Db } from "@/db/client";
import { demoStart, seedDemoBilling } from "@/lib/billing/seed-demo-billing";
import { seedStarterCatalog } from "@/lib/catalog/seed-starter-catalog";
import { seedDemoDrift } from "@/lib/drift/seed-demo-drift";
import type { ProvisioningDeps } from "@/lib/provisioning/config";
import { seedDemoProvisioning } from "./seed-demo-provisioning";
import { type DemoWebhookDeps, seedDemoWebhook } from "./seed-demo-webhook";

/**
 * Everything the demo account adds on top of the fake DO's data, in dependency order: the starter catalog (dated from
 * the demo's first subscription, so its plans were on sale all along), the customers with Pro's price change and
 * Globex's bandwidth, then the drifting specs (which need the inventory: run it again after the first sync), and,
 * where provisioning is on, a request awaiting approval, and, where private webhook URLs are allowed, an endpoint on the
 * fake's receiver for the deliveries log. Each part is idempotent, so `npm run db:seed` and the demo
 * page's button may both run it, any number of times.
 */
export async function seedDemoAccount(db: Db, provisioning: ProvisioningDeps, webhook: Omit<DemoWebhookDeps, "db">, now = new Date()): Promise<string[]> {
  return [
    await seedStarterCatalog(db, { publishedAt: new Date(demoStart) }),
    await seedDemoBilling(db, now),
    await seedDemoDrift(db),
    await seedDemoProvisioning(provisioning),
    await seedDemoWebhook({ ...webhook, db }),
  ];
}
