import { provisioningFunction } from "../provisioning-function";

/** Creates a tenant's droplet: its request's saga, on the event POST /api/v1/provisioning/requests sends. */
export const provisionCreateDroplet = provisioningFunction("create_droplet", "Create a droplet");
