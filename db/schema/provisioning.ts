import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CatalogResourceKind } from "./catalog-kinds";
import type { ProvisioningAction, ProvisioningStatus, ProvisioningStepStatus, ReservationStatus } from "./provisioning-constants";
import { cloudResources } from "./resources";

export * from "./provisioning-constants";

/**
 * One request from arcadia-app (or an admin) to change DigitalOcean for a tenant, and the saga that carries it out.
 * `params` is the action's validated input; `provider_id` is DO's id of the droplet once known, `resource_id` our
 * inventory row once the saga has refreshed it. The lease keeps one in-process runner per request across processes.
 */
export const provisioningRequests = pgTable(
  "provisioning_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: text("tenant_id").notNull(),
    action: text("action").$type<ProvisioningAction>().notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<ProvisioningStatus>().notNull().default("queued"),
    resourceId: uuid("resource_id").references(() => cloudResources.id),
    providerId: text("provider_id"),
    requestedBy: text("requested_by").notNull(),
    /** Runs every step but the DO calls (PROVISIONING_DRY_RUN when it was made). */
    isDryRun: boolean("dry_run").notNull().default(false),
    /** What the request adds to the monthly DO bill, in US cents: the approval threshold is compared with it. */
    monthlyCogsCents: bigint("monthly_cogs_cents", { mode: "number" }).notNull().default(0),
    needsApproval: boolean("needs_approval").notNull().default(false),
    decision: text("decision").$type<"approved" | "rejected">(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    error: text("error"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("provisioning_requests_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("provisioning_requests_open_idx").on(t.status).where(sql`status in ('queued', 'awaiting_approval', 'running')`),
    check(
      "provisioning_requests_status",
      sql`${t.status} in ('queued', 'awaiting_approval', 'running', 'succeeded', 'failed', 'compensated', 'cancelled')`,
    ),
    check("provisioning_requests_action", sql`${t.action} in ('create_droplet', 'resize_droplet', 'delete_droplet', 'revert_drift')`),
    check("provisioning_requests_params_object", sql`jsonb_typeof(${t.params}) = 'object'`),
    check("provisioning_requests_decision", sql`${t.decision} is null or ${t.decision} in ('approved', 'rejected')`),
    check("provisioning_requests_decided", sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
  ],
);

export type ProvisioningRequest = typeof provisioningRequests.$inferSelect;

/**
 * The saga's durable state: one row per named step of a request, with its output once it succeeded. A rerun (after a
 * restart or a retry) returns a succeeded step's output instead of running it again.
 */
export const provisioningSteps = pgTable(
  "provisioning_steps",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => provisioningRequests.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Order of first start, for the timeline. */
    position: integer("position").notNull(),
    status: text("status").$type<ProvisioningStepStatus>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    output: jsonb("output").$type<unknown>(),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.name] }),
    check("provisioning_steps_status", sql`${t.status} in ('running', 'succeeded', 'failed', 'skipped')`),
  ],
);

export type ProvisioningStep = typeof provisioningSteps.$inferSelect;

/**
 * Idempotency-Key header values with a digest of the body they came with (Stripe's semantics): the same key and body
 * answer the same request, another body a 409. Kept until `expires_at` (24 h), after which the key may be used again.
 */
export const provisioningIdempotencyKeys = pgTable(
  "provisioning_idempotency_keys",
  {
    key: text("key").primaryKey(),
    bodyHash: text("body_hash").notNull(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => provisioningRequests.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("provisioning_idempotency_keys_expires_idx").on(t.expiresAt)],
);

/**
 * What an in-flight request will add to its tenant's usage this month, held from the request until the meter counts
 * the resource it made (or released when it made nothing), so concurrent requests cannot pass a hard cap together.
 */
export const provisioningReservations = pgTable(
  "provisioning_reservations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => provisioningRequests.id, { onDelete: "cascade" }),
    tenantId: text("tenant_id").notNull(),
    /** First day of the month the quantity counts in. */
    period: date("period", { mode: "string" }).notNull(),
    resourceKind: text("resource_kind").$type<CatalogResourceKind>().notNull(),
    quantity: numeric("quantity", { precision: 20, scale: 6 }).notNull(),
    status: text("status").$type<ReservationStatus>().notNull().default("held"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("provisioning_reservations_request_kind_key").on(t.requestId, t.resourceKind),
    index("provisioning_reservations_held_idx").on(t.tenantId, t.period).where(sql`status = 'held'`),
    check("provisioning_reservations_status", sql`${t.status} in ('held', 'consumed', 'released')`),
    check("provisioning_reservations_quantity", sql`${t.quantity} >= 0`),
  ],
);

export type ProvisioningReservation = typeof provisioningReservations.$inferSelect;
