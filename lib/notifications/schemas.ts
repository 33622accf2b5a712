import { z } from "zod";
import { deliveryStatuses, endpointStatuses } from "@/db/schema/notifications";
import { pageLimit } from "@/lib/http/cursor";
import { isStorableText, unstorableTextMessage } from "@/lib/http/input-schemas";
import { eventTypeSchema } from "./event-catalog";

export const endpointIdParams = z.object({ id: z.uuid() });
export const deliveryIdParams = z.object({ id: z.uuid() });

export const createEndpointBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: "url must be an absolute http(s) URL" })
    .max(2000)
    .refine(isStorableText, unstorableTextMessage)
    .describe("Where deliveries are POSTed: https, on a public address (checked now and at every delivery)"),
  events: z
    .array(eventTypeSchema)
    .min(1)
    .max(50)
    .transform((events) => [...new Set(events)])
    .describe("The event types it subscribes to"),
});
export type CreateEndpointBody = z.infer<typeof createEndpointBody>;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(pageLimit.default),
  cursor: z.string().min(1).max(1000).optional(),
};

export const listEndpointsQuery = z.object(pageQuery);
export type ListEndpointsQuery = z.infer<typeof listEndpointsQuery>;

export const listDeliveriesQuery = z.object({
  status: z.enum(deliveryStatuses).optional().describe("pending (due again later), succeeded or failed (retries used up)"),
  ...pageQuery,
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;

export const endpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(eventTypeSchema),
  status: z.enum(endpointStatuses),
  failing_since: z.string().nullable().describe("Since when every attempt has failed; null while it answers"),
  disabled_at: z.string().nullable(),
  disabled_reason: z.string().nullable().describe("The notice of an automatic disabling: why and since when"),
  previous_secret_expires_at: z.string().nullable().describe("After a rotation: until when the previous secret signs too"),
  created_by: z.string(),
  created_at: z.string(),
});
export type EndpointItem = z.infer<typeof endpointSchema>;

export const createdEndpointSchema = endpointSchema.extend({
  secret: z.string().startsWith("whsec_").describe("The signing secret (Standard Webhooks); shown only in this answer"),
});
export type CreatedEndpoint = z.infer<typeof createdEndpointSchema>;

export const rotatedSecretSchema = z.object({
  id: z.uuid(),
  secret: z.string().startsWith("whsec_").describe("The new signing secret; shown only in this answer"),
  previous_secret_expires_at: z.string().describe("Until when the previous secret signs too (its signature is sent beside the new one)"),
});
export type RotatedSecret = z.infer<typeof rotatedSecretSchema>;

export const deletedEndpointSchema = z.object({ id: z.uuid(), deleted: z.literal(true) });

export const attemptSchema = z.object({
  attempted_at: z.string(),
  outcome: z.enum(["succeeded", "failed"]),
  status_code: z.number().int().nullable().describe("The receiver's HTTP status; null when it did not answer"),
  latency_ms: z.number().int(),
  response_excerpt: z.string().nullable().describe("The first kilobyte of the answer"),
  error: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  endpoint_id: z.uuid(),
  event_id: z.uuid().describe("The event's stable id: the webhook-id header"),
  event_type: eventTypeSchema,
  status: z.enum(deliveryStatuses),
  attempts: z.number().int().describe("Attempts since it was queued (or resent)"),
  next_attempt_at: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  created_at: z.string(),
  attempt_log: z.array(attemptSchema).describe("Every attempt, oldest first"),
});
export type DeliveryItem = z.infer<typeof deliverySchema>;
