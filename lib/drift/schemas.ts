import { z } from "zod";
import { driftStatuses } from "@/db/schema/drift";
import { resourceKinds } from "@/db/schema/resources";
import { pageLimit } from "@/lib/http/cursor";

/** The pseudo-field a tombstoned resource drifts on: the spec wants it to exist (true unless the spec says false). */
export const existsField = "exists";

/** A spec field: a column name or a dotted path into `attrs` (`size.vcpus`, `networks.v4.0.ip_address`). */
export const specFieldSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, "a field is a column name or a dotted path such as size.vcpus");

// Values are whatever JSON the caller sends (z.unknown() keeps the OpenAPI schema free of recursive $defs).
const specValueSchema = z.unknown().describe("Any JSON value: a scalar, a list (compared as a set) or an object");

export const specSchema = z
  .record(specFieldSchema, specValueSchema)
  .refine((spec) => Object.keys(spec).length <= 200, "a spec holds at most 200 fields")
  .refine((spec) => spec[existsField] === undefined || typeof spec[existsField] === "boolean", {
    message: `"${existsField}" is reserved: true or false (false means the resource should be gone)`,
    path: [existsField],
  })
  .describe("Desired state: field → value. Fields are resource columns (size_slug, region, tags) or dotted paths into the DO object (size.vcpus).");
export type Spec = z.infer<typeof specSchema>;

export const recordProvisionedParams = z.object({ resourceId: z.string().uuid() });
export const recordProvisionedBody = z.strictObject({ spec: specSchema });
export type RecordProvisionedBody = z.infer<typeof recordProvisionedBody>;

export const provisionedRecordSchema = z.object({
  resource_id: z.string().uuid(),
  spec: specSchema,
  spec_version: z.number().int().min(1),
  recorded_by: z.string(),
  recorded_via: z.enum(["api", "drift_accept"]),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ProvisionedRecord = z.infer<typeof provisionedRecordSchema>;

export const driftStatusSchema = z.enum(driftStatuses);
/** `resolved` is every status but open: the history tab. */
export const driftStatusFilters = [...driftStatuses, "resolved"] as const;
export type DriftStatusFilter = (typeof driftStatusFilters)[number];

/** Query string of GET /api/v1/drift (and the drift inbox's URL). */
export const listDriftQuery = z.object({
  status: z
    .enum(driftStatusFilters)
    .default("open")
    .describe("open (the inbox, default), accepted, stale, reverted, or resolved for all three"),
  kind: z.enum(resourceKinds).optional().describe("The resource's kind"),
  field: specFieldSchema.optional().describe("Exact spec field, e.g. size_slug"),
  resource: z.string().uuid().optional().describe("One resource's id"),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(pageLimit.default),
  cursor: z.string().min(1).max(1000).optional(),
});
export type ListDriftQuery = z.infer<typeof listDriftQuery>;

export const driftItemSchema = z.object({
  id: z.string().uuid(),
  resource_id: z.string().uuid(),
  field: z.string(),
  expected: z.unknown().describe("The spec's value (null when the spec had none)"),
  actual: z.unknown().describe("The live value when detected (null when the resource has none)"),
  status: driftStatusSchema,
  detected_at: z.string(),
  resolved_at: z.string().nullable(),
  resolved_by: z.string().nullable(),
  spec_version: z.number().int().describe("The spec version the expected value came from"),
  resource: z.object({
    name: z.string(),
    kind: z.enum(resourceKinds),
    region: z.string().nullable(),
    provider_id: z.string(),
    deleted_at: z.string().nullable(),
  }),
});
export type DriftItem = z.infer<typeof driftItemSchema>;

export const driftIdParams = z.object({ id: z.string().uuid() });

export const acceptedDriftSchema = z.object({
  drift: driftItemSchema,
  provisioned: provisionedRecordSchema,
});
export type AcceptedDrift = z.infer<typeof acceptedDriftSchema>;

/** What the inbox says of each drift it accepted (acceptDriftAction's data). */
export interface AcceptedDriftSummary {
  id: string;
  field: string;
  resourceName: string;
  specVersion: number;
}

/** What the inbox says of a revert it asked for (revertDriftAction's data). */
export interface RevertRequestedSummary {
  id: string;
  requestId: string;
  description: string;
  isDryRun: boolean;
}
