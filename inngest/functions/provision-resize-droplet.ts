import { provisioningFunction } from "../provisioning-function";

/** Resizes a tenant's droplet: its request's saga, on the event POST /api/v1/provisioning/requests sends. */
export const provisionResizeDroplet = provisioningFunction("resize_droplet", "Resize a droplet");
