import { syncInventoryJob, syncSchedules } from "@/lib/inventory/sync/sync-inventory-job";
import { jobFunction } from "../job-function";

// The original service's three schedules. All share one env-wide concurrency key: a kind is never synced twice at once.
const shared = { callsDo: true, concurrencyKey: '"inventory-sync"', concurrencyScope: "env" as const };

/** Full sync of every kind, hourly at :15 (drift detection follows at :20). Also what "Run now" sends. */
export const syncInventoryFull = jobFunction(syncInventoryJob, { ...shared, id: "sync-inventory", cron: syncSchedules.full.cron, args: { kinds: [] } });

/** Droplets change most: every 5 minutes. */
export const syncInventoryFast = jobFunction(syncInventoryJob, {
  ...shared,
  id: "sync-inventory-fast",
  cron: syncSchedules.fast.cron,
  args: { kinds: ["droplet"], projects: false },
});

/** Projects, tags and apps: daily. */
export const syncInventorySlow = jobFunction(syncInventoryJob, {
  ...shared,
  id: "sync-inventory-slow",
  cron: syncSchedules.slow.cron,
  args: { kinds: ["app"], projects: true },
});
