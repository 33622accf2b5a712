import { provisioningFunction } from "../provisioning-function";

/** Reverts a drift at DO (resize, retag): its request's saga, on the event POST /api/v1/drift/{id}/revert sends. */
export const provisionRevertDrift = provisioningFunction("revert_drift", "Revert drift to spec");
