import { defineOperation } from "@/lib/http/operation";
import { listRequestsQuery } from "./list-requests-query";
import { createRequestBody, idempotencyHeaders, provisioningRequestItemSchema, requestIdParams } from "./schemas";

/** A finished create, as GET answers it; operations-example.test.ts checks its steps against a real saga. */
export const exampleProvisioningRequest = {
  id: "7c1f4e2a-9b3d-4c5e-8f6a-0b1c2d3e4f5a",
  status: "succeeded",
  action: "create_droplet",
  tenant_id: "acme",
  resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
  provider_id: "412000287",
  params: { name: "tenant-acme-web-2", region: "syd1", size: "s-1vcpu-2gb", image: "ubuntu-24-04-x64" },
  requested_by: "arcadia-app:user-1",
  dry_run: false,
  approval: { required: false, monthly_cogs: "12.00", currency: "USD", decision: null, decided_by: null, decided_at: null },
  error: null,
  created_at: "2026-11-25T09:00:00.120Z",
  updated_at: "2026-11-25T09:01:02.512Z",
  finished_at: "2026-11-25T09:01:02.512Z",
  // What a create records: no volume asked for, so its steps are skipped; DO tags the droplet as it makes it, so the
  // tag step is too. The first look at DO's action waits a poll interval before asking.
  steps: [
    { name: "reserve", status: "succeeded", attempts: 1, started_at: "2026-11-25T09:00:00.300Z", finished_at: "2026-11-25T09:00:00.310Z", output: { reservations: [{ resource_kind: "droplet_hours", quantity: 135, status: "held" }] }, error: null },
    { name: "approval", status: "skipped", attempts: 0, started_at: "2026-11-25T09:00:00.320Z", finished_at: "2026-11-25T09:00:00.320Z", output: { skipped: "below the approval threshold" }, error: null },
    { name: "create-volume", status: "skipped", attempts: 0, started_at: "2026-11-25T09:00:00.325Z", finished_at: "2026-11-25T09:00:00.325Z", output: { skipped: "no volume_gb asked for" }, error: null },
    {
      name: "create-droplet",
      status: "succeeded",
      attempts: 1,
      started_at: "2026-11-25T09:00:00.330Z",
      finished_at: "2026-11-25T09:00:01.120Z",
      output: { droplet_id: 412000287, action_id: 1870000001, tags: ["tenant:acme", "arcadia-request:7c1f4e2a-9b3d-4c5e-8f6a-0b1c2d3e4f5a"], found_existing: false },
      error: null,
    },
    { name: "wait-create", status: "succeeded", attempts: 12, started_at: "2026-11-25T09:00:01.130Z", finished_at: "2026-11-25T09:01:00.900Z", output: { action_id: 1870000001, type: "create", status: "completed", completed_at: "2026-11-25T09:01:00Z" }, error: null },
    { name: "tag", status: "skipped", attempts: 0, started_at: "2026-11-25T09:01:00.910Z", finished_at: "2026-11-25T09:01:00.910Z", output: { skipped: "DO made the droplet with the tenant's tag" }, error: null },
    { name: "assign-project", status: "succeeded", attempts: 1, started_at: "2026-11-25T09:01:00.915Z", finished_at: "2026-11-25T09:01:01.180Z", output: { urn: "do:droplet:412000287", project_id: "4e1c2f0a-6b7d-4d8e-9a1b-2c3d4e5f6a7b" }, error: null },
    { name: "refresh-inventory", status: "succeeded", attempts: 1, started_at: "2026-11-25T09:01:01.190Z", finished_at: "2026-11-25T09:01:01.420Z", output: { resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11" }, error: null },
    { name: "refresh-volume", status: "skipped", attempts: 0, started_at: "2026-11-25T09:01:01.430Z", finished_at: "2026-11-25T09:01:01.430Z", output: { skipped: "no volume" }, error: null },
    { name: "record-provisioned", status: "succeeded", attempts: 1, started_at: "2026-11-25T09:01:01.440Z", finished_at: "2026-11-25T09:01:01.470Z", output: { resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11", spec_version: 1 }, error: null },
    { name: "meter-usage", status: "succeeded", attempts: 1, started_at: "2026-11-25T09:01:01.480Z", finished_at: "2026-11-25T09:01:02.500Z", output: { period: "2026-11-01", records: 1 }, error: null },
  ],
};

const requestDescription =
  "A request to change DigitalOcean for a tenant, carried out by a saga of named steps (`steps`, each with its times, attempts and outcome). `status`: `queued`, `awaiting_approval` (it adds more than the approval threshold to the monthly bill), `running`, then `succeeded`, `failed` (nothing was left to undo), `compensated` (what it had created was deleted again; `error` says why) or `cancelled` (rejected, or cancelled by an admin before its saga reached DO).";

export const createProvisioningRequestOp = defineOperation({
  operationId: "createProvisioningRequest",
  method: "POST",
  path: "/api/v1/provisioning/requests",
  tag: "Provisioning",
  summary: "Ask for a droplet to be created, resized or deleted",
  description: `${requestDescription}\n\nRequires an \`Idempotency-Key\` header (Stripe's semantics): the same key and body answer the same request, with \`Idempotent-Replayed: true\`; the same key with another body is a 409; keys are kept 24 hours. Before anything reaches DO the tenant's plan is checked: a subscription in force, a size the plan version allows, and no hard cap passed by the usage projected to the month's end (a 409 \`entitlement_exceeded\` names the allowance with \`used\`, \`projected\` and \`cap\`). A resize must not shrink the droplet's disk. Nothing reaches DO unless PROVISIONING_ENABLED is set (a 409 otherwise; PROVISIONING_DRY_RUN runs every step but the DO calls).`,
  roles: ["platform_admin"],
  headers: idempotencyHeaders,
  body: createRequestBody,
  response: provisioningRequestItemSchema,
  success: { 202: "Accepted: the request, `queued` or `awaiting_approval`; its saga runs in the background" },
  errors: ["not_found", "conflict", "entitlement_exceeded"],
  bodyExample: { tenant_id: "acme", action: "create_droplet", params: { name: "tenant-acme-web-2", region: "syd1", size: "s-1vcpu-2gb", image: "ubuntu-24-04-x64" } },
  example: { ...exampleProvisioningRequest, status: "queued", resource_id: null, provider_id: null, finished_at: null, steps: [] },
});

export const getProvisioningRequestOp = defineOperation({
  operationId: "getProvisioningRequest",
  method: "GET",
  path: "/api/v1/provisioning/requests/{id}",
  tag: "Provisioning",
  summary: "A provisioning request with its steps",
  description: `${requestDescription} \`resource_id\` is the droplet's inventory id once the saga has seen it. A tenant token reads only its own tenant's requests.`,
  roles: ["platform_admin", "tenant"],
  params: requestIdParams,
  response: provisioningRequestItemSchema,
  errors: ["not_found"],
  example: exampleProvisioningRequest,
});

const decisionExample = {
  ...exampleProvisioningRequest,
  status: "queued",
  approval: { required: true, monthly_cogs: "1008.00", currency: "USD", decision: "approved", decided_by: "arcadia-app:admin-2", decided_at: "2026-11-25T09:05:00.000Z" },
};

export const approveProvisioningRequestOp = defineOperation({
  operationId: "approveProvisioningRequest",
  method: "POST",
  path: "/api/v1/provisioning/requests/{id}/approve",
  tag: "Provisioning",
  summary: "Approve a request waiting for approval",
  description: "The request is queued again and its saga carries on. Only a request in `awaiting_approval` can be approved: any other is a 409.",
  roles: ["platform_admin"],
  params: requestIdParams,
  response: provisioningRequestItemSchema,
  errors: ["not_found", "conflict"],
  example: decisionExample,
});

export const rejectProvisioningRequestOp = defineOperation({
  operationId: "rejectProvisioningRequest",
  method: "POST",
  path: "/api/v1/provisioning/requests/{id}/reject",
  tag: "Provisioning",
  summary: "Reject a request waiting for approval",
  description: "The request ends `cancelled` before anything reaches DO, and what it reserved of the tenant's allowances is released. Only a request in `awaiting_approval` can be rejected: any other is a 409.",
  roles: ["platform_admin"],
  params: requestIdParams,
  response: provisioningRequestItemSchema,
  errors: ["not_found", "conflict"],
  example: { ...decisionExample, status: "cancelled", error: "rejected by arcadia-app:admin-2", approval: { ...decisionExample.approval, decision: "rejected" } },
});

export const listProvisioningRequestsOp = defineOperation({
  operationId: "listProvisioningRequests",
  method: "GET",
  path: "/api/v1/provisioning/requests",
  tag: "Provisioning",
  summary: "List provisioning requests with their steps",
  description: `${requestDescription}\n\nNewest first, with cursor pagination; \`tenant_id\`, \`action\` and \`status\` narrow the list. A tenant token lists only its own tenant's requests: naming another tenant in \`tenant_id\` is a 403.`,
  roles: ["platform_admin", "tenant"],
  query: listRequestsQuery,
  response: provisioningRequestItemSchema,
  list: true,
  example: [exampleProvisioningRequest],
});

export const cancelProvisioningRequestOp = defineOperation({
  operationId: "cancelProvisioningRequest",
  method: "POST",
  path: "/api/v1/provisioning/requests/{id}/cancel",
  tag: "Provisioning",
  summary: "Cancel a request before its saga reaches DO",
  description:
    "A request that is `queued` or `awaiting_approval` ends `cancelled`: what it reserved of the tenant's allowances is released, its saga stops at its next step, and the event log records who cancelled it (`error`: `cancelled by …`). A running or finished request answers 409 `not_cancellable` with its `status` in `details`.",
  roles: ["platform_admin"],
  params: requestIdParams,
  response: provisioningRequestItemSchema,
  errors: ["not_found", "not_cancellable"],
  example: { ...exampleProvisioningRequest, status: "cancelled", resource_id: null, provider_id: null, error: "cancelled by arcadia-app:admin-2", steps: exampleProvisioningRequest.steps.slice(0, 1) },
});

export const provisioningOperations = [
  createProvisioningRequestOp,
  listProvisioningRequestsOp,
  getProvisioningRequestOp,
  approveProvisioningRequestOp,
  rejectProvisioningRequestOp,
  cancelProvisioningRequestOp,
];
