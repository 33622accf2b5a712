// Plain constants of the provisioning tables, free of drizzle, so client components can name them.

/**
 * What a request can ask DigitalOcean for on a tenant's behalf. The first three come from arcadia-app (POST
 * /api/v1/provisioning/requests); `revert_drift` from POST /api/v1/drift/{id}/revert.
 */
export const provisioningActions = ["create_droplet", "resize_droplet", "delete_droplet", "revert_drift"] as const;
export type ProvisioningAction = (typeof provisioningActions)[number];

/**
 * A request's life: `queued` until its saga starts (or `awaiting_approval` first when it costs more than the approval
 * threshold), `running`, then `succeeded`, `failed` (nothing was left to undo), `compensated` (what it had created was
 * deleted again) or `cancelled` (rejected by an admin before anything happened).
 */
export const provisioningStatuses = ["queued", "awaiting_approval", "running", "succeeded", "failed", "compensated", "cancelled"] as const;
export type ProvisioningStatus = (typeof provisioningStatuses)[number];

/** Statuses a saga may still move on from: the ones a restart resumes. */
export const openProvisioningStatuses = ["queued", "awaiting_approval", "running"] as const satisfies readonly ProvisioningStatus[];

export const provisioningStepStatuses = ["running", "succeeded", "failed", "skipped"] as const;
export type ProvisioningStepStatus = (typeof provisioningStepStatuses)[number];

/** `held` while the request is in flight; `consumed` once the meter counts what it made; `released` when it made nothing. */
export const reservationStatuses = ["held", "consumed", "released"] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];
