import { defineOperation } from "@/lib/http/operation";
import {
  createdEndpointSchema,
  createEndpointBody,
  deletedEndpointSchema,
  deliveryIdParams,
  deliverySchema,
  endpointIdParams,
  endpointSchema,
  listDeliveriesQuery,
  listEndpointsQuery,
  rotatedSecretSchema,
} from "./schemas";

const exampleEndpoint = {
  id: "3f0c9a52-7d1e-4b0f-9a63-2d4e5f6a7b01",
  url: "https://arcadia-app.example.com/webhooks/arcadia-cloud",
  events: ["drift.detected", "drift.resolved", "invoice.unreconciled"],
  status: "enabled",
  failing_since: null,
  disabled_at: null,
  disabled_reason: null,
  previous_secret_expires_at: null,
  created_by: "arcadia-app:user-1",
  created_at: "2026-11-25T09:00:00.000Z",
};

const exampleDelivery = {
  id: "9a1e4f0b-8a63-4d4e-9f6a-7b8c0b7f3c52",
  endpoint_id: exampleEndpoint.id,
  event_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
  event_type: "drift.detected",
  status: "succeeded",
  attempts: 2,
  next_attempt_at: null,
  last_attempt_at: "2026-11-25T09:20:09.101Z",
  created_at: "2026-11-25T09:20:03.500Z",
  attempt_log: [
    { attempted_at: "2026-11-25T09:20:03.512Z", outcome: "failed", status_code: 503, latency_ms: 41, response_excerpt: "upstream unavailable", error: "answered 503 Service Unavailable" },
    { attempted_at: "2026-11-25T09:20:09.101Z", outcome: "succeeded", status_code: 204, latency_ms: 12, response_excerpt: null, error: null },
  ],
};

const tag = "Webhooks";
const roles = ["platform_admin"] as const;

export const createWebhookEndpointOp = defineOperation({
  operationId: "createWebhookEndpoint",
  method: "POST",
  path: "/api/v1/webhooks/endpoints",
  tag,
  summary: "Register a webhook endpoint",
  description:
    "Subscribes a URL to event types (see `webhooks` in this document for each payload). Deliveries are `POST`s of `{ \"type\", \"timestamp\", \"data\" }` signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`). The URL must be https on a public address: private, loopback and link-local addresses are refused (400), now and at every delivery. The answer holds the signing `secret` (`whsec_…`): it is shown only here.",
  roles,
  body: createEndpointBody,
  response: createdEndpointSchema,
  success: { 201: "Registered; the secret is shown only in this answer" },
  bodyExample: { url: exampleEndpoint.url, events: exampleEndpoint.events },
  example: { ...exampleEndpoint, secret: "whsec_ZXhhbXBsZS1zZWNyZXQtbm90LXJlYWwtMDEyMzQ1Njc4OQ==" },
});

export const listWebhookEndpointsOp = defineOperation({
  operationId: "listWebhookEndpoints",
  method: "GET",
  path: "/api/v1/webhooks/endpoints",
  tag,
  summary: "List webhook endpoints",
  description: "Newest first, without their secrets. A disabled endpoint's `disabled_reason` says why it was disabled.",
  roles,
  query: listEndpointsQuery,
  response: endpointSchema,
  list: true,
  example: [exampleEndpoint],
});

export const deleteWebhookEndpointOp = defineOperation({
  operationId: "deleteWebhookEndpoint",
  method: "DELETE",
  path: "/api/v1/webhooks/endpoints/{id}",
  tag,
  summary: "Delete a webhook endpoint",
  description: "Stops its deliveries and removes its delivery log.",
  roles,
  params: endpointIdParams,
  response: deletedEndpointSchema,
  errors: ["not_found"],
  example: { id: exampleEndpoint.id, deleted: true },
});

export const listWebhookDeliveriesOp = defineOperation({
  operationId: "listWebhookDeliveries",
  method: "GET",
  path: "/api/v1/webhooks/endpoints/{id}/deliveries",
  tag,
  summary: "An endpoint's delivery log",
  description:
    "Its deliveries, newest first, each with every attempt (status, latency, the first kilobyte of the answer). A failed attempt is retried 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later (eight attempts over about 27 hours); an endpoint whose every attempt has failed for a day is disabled when a delivery runs out of retries.",
  roles,
  params: endpointIdParams,
  query: listDeliveriesQuery,
  response: deliverySchema,
  list: true,
  errors: ["not_found"],
  example: [exampleDelivery],
});

export const rotateWebhookSecretOp = defineOperation({
  operationId: "rotateWebhookSecret",
  method: "POST",
  path: "/api/v1/webhooks/endpoints/{id}/rotate-secret",
  tag,
  summary: "Rotate an endpoint's signing secret",
  description:
    "A new secret, shown only in this answer. For 24 hours the previous secret signs too: `webhook-signature` carries both signatures, space-separated, so a receiver accepts deliveries with either while it switches.",
  roles,
  params: endpointIdParams,
  response: rotatedSecretSchema,
  errors: ["not_found", "conflict"],
  example: { id: exampleEndpoint.id, secret: "whsec_cm90YXRlZC1leGFtcGxlLW5vdC1yZWFsLTAxMjM0NTY3ODk=", previous_secret_expires_at: "2026-11-26T09:00:00.000Z" },
});

export const enableWebhookEndpointOp = defineOperation({
  operationId: "enableWebhookEndpoint",
  method: "POST",
  path: "/api/v1/webhooks/endpoints/{id}/enable",
  tag,
  summary: "Enable a disabled endpoint",
  description: "After an automatic disabling: its waiting deliveries are sent by the next drain.",
  roles,
  params: endpointIdParams,
  response: endpointSchema,
  errors: ["not_found"],
  example: exampleEndpoint,
});

export const resendWebhookDeliveryOp = defineOperation({
  operationId: "resendWebhookDelivery",
  method: "POST",
  path: "/api/v1/webhooks/deliveries/{id}/resend",
  tag,
  summary: "Resend a delivery",
  description: "Queues the delivery again, due at once with a fresh retry schedule, whatever its state. Same `webhook-id`: receivers that dedupe drop it if they had it.",
  roles,
  params: deliveryIdParams,
  response: deliverySchema,
  errors: ["not_found", "conflict"],
  example: { ...exampleDelivery, status: "pending", attempts: 0, next_attempt_at: "2026-11-25T10:00:00.000Z" },
});

export const notificationOperations = [
  createWebhookEndpointOp,
  listWebhookEndpointsOp,
  deleteWebhookEndpointOp,
  listWebhookDeliveriesOp,
  rotateWebhookSecretOp,
  enableWebhookEndpointOp,
  resendWebhookDeliveryOp,
];
