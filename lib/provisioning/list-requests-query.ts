import { z } from "zod";
import { provisioningActions, provisioningStatuses } from "@/db/schema/provisioning-constants";
import { externalIdSchema } from "@/lib/billing/schemas";
import { pageLimit } from "@/lib/http/cursor";

/** GET /api/v1/provisioning/requests: filters, newest first, cursor pagination. The actions and statuses are the tables' own. */
export const listRequestsQuery = z.object({
  tenant_id: externalIdSchema.optional().describe("One tenant's requests; a tenant token may name only its own"),
  action: z.enum(provisioningActions).optional().describe("One action"),
  status: z.enum(provisioningStatuses).optional().describe("One status"),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(pageLimit.default),
  cursor: z.string().min(1).max(1000).optional(),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;
