import { z } from "zod";
import { provisioningActions, provisioningStatuses, provisioningStepStatuses } from "@/db/schema/provisioning-constants";
import { externalIdSchema } from "@/lib/billing/schemas";

// The provisioning API's shapes: snake_case, times as ISO 8601 strings, money as decimal strings.

/** DO's droplet name rule (droplets/models/droplet_single_create.yml). */
const dropletNameSchema = z
  .string()
  .max(255)
  .regex(/^[a-zA-Z0-9]?[a-z0-9A-Z.-]*[a-z0-9A-Z]$/, "letters, digits, dots and dashes, starting and ending with a letter or digit");
const sizeSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "a DO size slug such as s-1vcpu-2gb").describe("A DO droplet size slug");
const regionSlugSchema = z.string().regex(/^[a-z]{3}\d$/, "a DO region slug such as syd1");
const resourceIdSchema = z.string().uuid().describe("The droplet's id as /api/v1/inventory returns it");

export const createDropletParams = z.strictObject({
  name: dropletNameSchema,
  region: regionSlugSchema,
  size: sizeSlugSchema,
  image: z.union([z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "an image slug such as ubuntu-24-04-x64"), z.number().int().positive()]),
  volume_gb: z.number().int().min(1).max(16_384).optional().describe("A block storage volume of this many GB, made with the droplet and attached to it"),
  ssh_keys: z
    .array(z.union([z.number().int().positive(), z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){15}$/, "an SSH key fingerprint")]))
    .max(20)
    .optional()
    .describe("SSH key ids or fingerprints already added to the DO team"),
});
export const resizeDropletParams = z.strictObject({ resource_id: resourceIdSchema, size: sizeSlugSchema });
export const deleteDropletParams = z.strictObject({ resource_id: resourceIdSchema });

export type CreateDropletParams = z.infer<typeof createDropletParams>;
export type ResizeDropletParams = z.infer<typeof resizeDropletParams>;
export type DeleteDropletParams = z.infer<typeof deleteDropletParams>;

const tenantId = externalIdSchema.describe("The tenant the resource is for: tagged `tenant:<id>`");

export const createRequestBody = z.discriminatedUnion("action", [
  z.strictObject({ tenant_id: tenantId, action: z.literal("create_droplet"), params: createDropletParams }),
  z.strictObject({ tenant_id: tenantId, action: z.literal("resize_droplet"), params: resizeDropletParams }),
  z.strictObject({ tenant_id: tenantId, action: z.literal("delete_droplet"), params: deleteDropletParams }),
]);
export type CreateRequestBody = z.infer<typeof createRequestBody>;

export const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string({ error: "Send an Idempotency-Key header: a unique value per request, such as a UUID" })
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
    .describe("Unique per request (a UUID, say): the same key and body answer the same request for 24 hours; another body is a 409"),
});

export const requestIdParams = z.object({ id: z.string().uuid() });

export const provisioningStepSchema = z.object({
  name: z.string(),
  status: z.enum(provisioningStepStatuses),
  attempts: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  output: z.unknown().describe("What the step learnt or did (DO's ids, the action's outcome); null until it succeeded"),
  error: z.string().nullable(),
});

export const provisioningRequestItemSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(provisioningStatuses),
  action: z.enum(provisioningActions),
  tenant_id: z.string(),
  resource_id: z.string().uuid().nullable().describe("The inventory id of the droplet, once the saga has seen it"),
  provider_id: z.string().nullable().describe("DO's id of the droplet, once known"),
  params: z.record(z.string(), z.unknown()),
  requested_by: z.string(),
  dry_run: z.boolean(),
  approval: z.object({
    required: z.boolean(),
    monthly_cogs: z.string().describe("What the request adds to DO's monthly bill, US dollars"),
    currency: z.literal("USD"),
    decision: z.enum(["approved", "rejected"]).nullable(),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
  }),
  error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
  steps: z.array(provisioningStepSchema),
});
export type ProvisioningRequestItem = z.infer<typeof provisioningRequestItemSchema>;
