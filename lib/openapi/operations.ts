import { revenueOperations } from "@/lib/billing/operations";
import { budgetOperations } from "@/lib/budgets/operations";
import { catalogOperations } from "@/lib/catalog/operations";
import { billingOperations } from "@/lib/costs/operations";
import { driftOperations } from "@/lib/drift/operations";
import { inventoryOperations } from "@/lib/inventory/operations";
import type { Operation } from "@/lib/http/operation";
import { notificationOperations } from "@/lib/notifications/operations";
import { provisioningOperations } from "@/lib/provisioning/operations";
import { openapiOperations } from "./meta-operations";

/**
 * Every /api/v1 operation. A route file exists for each and each route's handlers are built from these objects;
 * test/openapi-routes.test.ts fails when the two disagree. Add a feature's operations here when its routes land.
 */
export const apiOperations: Operation[] = [...openapiOperations, ...inventoryOperations, ...driftOperations, ...catalogOperations, ...billingOperations, ...revenueOperations, ...notificationOperations, ...provisioningOperations, ...budgetOperations] as Operation[];
