import type { Db } from "@/db/client";
import { cliEnv } from "@/lib/env";
import { seedCatalog } from "./catalog";
import { seedDemoBilling } from "./demo-billing";

/**
 * Every idempotent seed, in dependency order. Each upserts on natural keys, so running this twice changes nothing.
 * Returns a one-line summary of what it did.
 */
export async function seedAll(db: Db): Promise<string> {
  const parts: string[] = [];
  parts.push(await seedCatalog(db));
  // Demo customers only for the bundled fake account: a real deployment gets them from arcadia-app.
  if (cliEnv().ARCADIA_DEMO) parts.push(await seedDemoBilling(db));
  return parts.length ? parts.join(", ") : "nothing to seed";
}
