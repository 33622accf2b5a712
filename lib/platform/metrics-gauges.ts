import "server-only";
import type { Db } from "@/db";
import { lastSuccessfulSyncPerKind } from "@/lib/inventory/sync/list-sync-runs";
import { metrics } from "./metrics";

/** Gauges read from the database at scrape time (so every server instance reports the same truth). */
export async function refreshDbGauges(db: Db, now = Date.now()): Promise<void> {
  const last = await lastSuccessfulSyncPerKind(db);
  const gauge = metrics().lastSyncAge;
  gauge.reset();
  for (const [kind, at] of Object.entries(last)) gauge.set({ kind }, Math.max(0, (now - new Date(at).getTime()) / 1000));
}
