import { defineOperation } from "@/lib/http/operation";
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

export const driftOperations = [recordProvisionedOp, listDriftOp, acceptDriftOp];
