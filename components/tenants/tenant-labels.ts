import type { ResourceBillingFlag } from "@/lib/tenants/get-tenant-overview";

/** Why a tenant or one of its resources earns nothing, in words. */
export const billingFlagLabels: Record<ResourceBillingFlag, string> = {
  unknown_tenant: "arcadia-app never sent this tenant",
  no_subscription: "no subscription in force",
  trial: "on trial: costs us, earns nothing",
  not_in_plan: "its plan does not cover this kind",
};
