import { defineOperation } from "@/lib/http/operation";
import { provisioningRequestItemSchema } from "@/lib/provisioning/schemas";
import {
  acceptedDriftSchema,
  driftIdParams,
  driftItemSchema,
  listDriftQuery,
  provisionedRecordSchema,
  recordProvisionedBody,
  recordProvisionedParams,
} from "./schemas";

const exampleDrift = {
  id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c",
  resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
  field: "size_slug",
  expected: "s-1vcpu-2gb",
  actual: "s-2vcpu-4gb",
  status: "open",
  detected_at: "2026-11-25T09:20:03.412Z",
  resolved_at: null,
  resolved_by: null,
  spec_version: 2,
  resource: { name: "arcadia-web-01", kind: "droplet", region: "syd1", provider_id: "3164444", deleted_at: null },
};

export const recordProvisionedOp = defineOperation({
  operationId: "recordProvisioned",
  method: "PUT",
  path: "/api/v1/provisioned/{resourceId}",
  tag: "Drift",
  summary: "Record a resource's desired state",
  description:
    "Called by arcadia-app's provisioning sagas with what they asked DigitalOcean for. Replaces the resource's spec and bumps `spec_version`; sending the same spec again changes nothing. `resourceId` is the id `/api/v1/inventory` returns. The hourly drift sweep compares the spec with the live resource: fields are columns (`size_slug`, `region`, `tags`) or dotted paths into the DO object (`size.vcpus`); `exists: false` means the resource should be gone.",
  roles: ["platform_admin"],
  params: recordProvisionedParams,
  body: recordProvisionedBody,
  response: provisionedRecordSchema,
  errors: ["not_found"],
  bodyExample: { spec: { size_slug: "s-1vcpu-2gb", region: "syd1", tags: ["tenant:acme", "web"], "size.vcpus": 1 } },
  example: {
    resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
    spec: { size_slug: "s-1vcpu-2gb", region: "syd1", tags: ["tenant:acme", "web"], "size.vcpus": 1 },
    spec_version: 2,
    recorded_by: "arcadia-app:user-1",
    recorded_via: "api",
    created_at: "2026-11-01T02:11:40.000Z",
    updated_at: "2026-11-25T08:02:13.551Z",
  },
});

export const listDriftOp = defineOperation({
  operationId: "listDrift",
  method: "GET",
  path: "/api/v1/drift",
  tag: "Drift",
  summary: "List drift",
  description:
    "The open drift inbox, newest first, with cursor pagination: one item per field where a resource's live state differs from its desired spec. `status` switches to the history (accepted, stale, reverted, or resolved for all three), newest resolution first.",
  roles: ["platform_admin"],
  query: listDriftQuery,
  response: driftItemSchema,
  list: true,
  example: [exampleDrift],
});

export const acceptDriftOp = defineOperation({
  operationId: "acceptDrift",
  method: "POST",
  path: "/api/v1/drift/{id}/accept",
  tag: "Drift",
  summary: "Accept drift: adopt the live value",
  description:
    "Makes the live value (as detected) the desired value: the spec's field takes it, `spec_version` is bumped, the drift closes `accepted`, and a `drift_accepted` event is written to the resource's log, all in one transaction. Nothing changes on DigitalOcean. A drift that is no longer open answers 409, and so does one whose spec field changed after it was detected (the next sweep updates it).",
  roles: ["platform_admin"],
  params: driftIdParams,
  response: acceptedDriftSchema,
  errors: ["not_found", "conflict"],
  example: {
    drift: { ...exampleDrift, status: "accepted", resolved_at: "2026-11-25T10:02:45.120Z", resolved_by: "arcadia-app:user-1" },
    provisioned: {
      resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
      spec: { size_slug: "s-2vcpu-4gb", region: "syd1", tags: ["tenant:acme", "web"], "size.vcpus": 1 },
      spec_version: 3,
      recorded_by: "arcadia-app:user-1",
      recorded_via: "drift_accept",
      created_at: "2026-11-01T02:11:40.000Z",
      updated_at: "2026-11-25T10:02:45.120Z",
    },
  },
});

export const revertDriftOp = defineOperation({
  operationId: "revertDrift",
  method: "POST",
  path: "/api/v1/drift/{id}/revert",
  tag: "Drift",
  summary: "Revert drift: make DO match the spec",
  description:
    "Starts a `revert_drift` provisioning request whose saga asks DigitalOcean to put the live droplet back to its spec where DO can do so in place: `size_slug` by a resize (DO's rules: power off, resize with the disk growing for good, power on) and `tags` by tagging and untagging. The spec does not change. Answers 202 with the request (`params.description` says what DO is asked to do); follow it at GET /api/v1/provisioning/requests/{id}. The drift closes `reverted` once the droplet refreshed from DO matches the spec, by the saga's last step or the next sweep; a request that fails, or a dry run, leaves it open. A field DO cannot change in place (`region`, `image`, anything but `size_slug` and `tags`, a resource that is not a live droplet, a resize that would shrink the disk) answers 422 `not_revertible` with the fields and why. A drift that is not open, or whose revert is already under way, answers 409.",
  roles: ["platform_admin"],
  params: driftIdParams,
  response: provisioningRequestItemSchema,
  success: { 202: "Accepted: the revert_drift request, `queued`; its saga runs in the background" },
  errors: ["not_found", "conflict", "not_revertible"],
  example: {
    id: "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a",
    status: "queued",
    action: "revert_drift",
    tenant_id: "acme",
    resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
    provider_id: "3164444",
    params: {
      drift_id: "0b7f3c52-9a1e-4f0b-8a63-2d4e5f6a7b8c",
      resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
      field: "size_slug",
      size: "s-1vcpu-2gb",
      from_size: "s-2vcpu-4gb",
      description: "Resize droplet arcadia-web-01 from s-2vcpu-4gb to s-1vcpu-2gb: DO powers it off, resizes it (its disk grows for good) and powers it on again.",
    },
    requested_by: "arcadia-app:user-1",
    dry_run: false,
    approval: { required: false, monthly_cogs: "12.00", currency: "USD", decision: null, decided_by: null, decided_at: null },
    error: null,
    created_at: "2026-11-25T10:02:45.120Z",
    updated_at: "2026-11-25T10:02:45.120Z",
    finished_at: null,
    steps: [],
  },
});

export const driftOperations = [recordProvisionedOp, listDriftOp, acceptDriftOp, revertDriftOp];
