import { provisioningFunction } from "../provisioning-function";

/** Deletes a tenant's droplet: its request's saga, on the event POST /api/v1/provisioning/requests sends. */
export const provisionDeleteDroplet = provisioningFunction("delete_droplet", "Delete a droplet");
