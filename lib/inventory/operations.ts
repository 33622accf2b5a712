import { defineOperation } from "@/lib/http/operation";
import { listResourcesQuery, resourceItemSchema } from "./schemas";
import { listSyncRunsQuery, syncRunItemSchema } from "./sync/schemas";

export const listInventoryOp = defineOperation({
  operationId: "listInventory",
  method: "GET",
  path: "/api/v1/inventory",
  tag: "Inventory",
  summary: "List DigitalOcean resources",
  description:
    "Resources from the last inventory sync, in a stable order with cursor pagination. Tombstoned (deleted) resources are hidden unless `include_deleted=true`. A tenant sees only resources tagged `tenant:<their tenant_id>`.",
  roles: ["platform_admin", "tenant"],
  query: listResourcesQuery,
  response: resourceItemSchema,
  list: true,
  example: [
    {
      id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
      kind: "droplet",
      provider_id: "3164444",
      name: "arcadia-web-01",
      region: "syd1",
      size_slug: "s-1vcpu-2gb",
      status: "active",
      tags: ["tenant:acme", "web"],
      monthly_price_cents: 1200,
      provider_created_at: "2025-03-14T09:26:53Z",
      first_seen_at: "2026-11-01T00:15:02.120Z",
      last_seen_at: "2026-11-25T08:15:01.884Z",
      deleted_at: null,
    },
  ],
});


export const listSyncRunsOp = defineOperation({
  operationId: "listSyncRuns",
  method: "GET",
  path: "/api/v1/sync-runs",
  tag: "Inventory",
  summary: "List inventory sync runs",
  description: "Every inventory sync run, newest first, with per-kind outcomes and counts.",
  roles: ["platform_admin"],
  query: listSyncRunsQuery,
  response: syncRunItemSchema,
  list: true,
  example: [
    {
      id: "9d5c1e2a-0b7f-4f36-8d7e-3f1c2b4a5e60",
      kinds: ["droplet"],
      trigger: "cron",
      status: "succeeded",
      seen: 412,
      created: 1,
      updated: 3,
      deleted: 0,
      restored: 0,
      kind_results: { droplet: { status: "succeeded", seen: 412, created: 1, updated: 3, deleted: 0, restored: 0, requests: 3 } },
      error: null,
      started_at: "2026-11-25T08:15:00.412Z",
      finished_at: "2026-11-25T08:15:02.981Z",
    },
  ],
});

export const inventoryOperations = [listInventoryOp, listSyncRunsOp];
