import { syncInventoryJob, syncSchedules } from "@/lib/inventory/sync/sync-inventory-job";
import { jobFunction } from "../job-function";

// One function per schedule of the job's definition. All share one env-wide concurrency key: a kind is never synced
// twice at once.
const shared = { callsDo: true, concurrencyKey: '"inventory-sync"', concurrencyScope: "env" as const };

export const syncInventoryFull = jobFunction(syncInventoryJob, { ...shared, schedule: syncSchedules.full });
export const syncInventoryFast = jobFunction(syncInventoryJob, { ...shared, schedule: syncSchedules.fast });
export const syncInventorySlow = jobFunction(syncInventoryJob, { ...shared, schedule: syncSchedules.slow });
