import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { provisioningRequests } from "./provisioning";
import { cloudResources } from "./resources";

/** How a desired spec got its current value. */
export const provisionedSources = ["api", "drift_accept"] as const;
export type ProvisionedSource = (typeof provisionedSources)[number];

/**
 * Desired state per resource: what we asked DigitalOcean for, as field → value. Field names are column names or
 * dotted paths into the resource's `attrs`; `exists` is reserved (false means "this resource should be gone").
 */
export const cloudProvisioned = pgTable(
  "cloud_provisioned",
  {
    // One spec per resource, so the resource id is the key: the sweep pages through specs by it.
    resourceId: uuid("resource_id")
      .primaryKey()
      .references(() => cloudResources.id),
    spec: jsonb("spec").$type<Record<string, unknown>>().notNull(),
    specVersion: integer("spec_version").notNull().default(1),
    recordedBy: text("recorded_by").notNull(),
    recordedVia: text("recorded_via").$type<ProvisionedSource>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("cloud_provisioned_spec_object", sql`jsonb_typeof(${t.spec}) = 'object'`),
    check("cloud_provisioned_spec_version", sql`${t.specVersion} >= 1`),
    check("cloud_provisioned_recorded_via", sql`${t.recordedVia} in ('api', 'drift_accept')`),
  ],
);

export type CloudProvisioned = typeof cloudProvisioned.$inferSelect;

export const driftStatuses = ["open", "accepted", "reverted", "stale"] as const;
export type DriftStatus = (typeof driftStatuses)[number];

/**
 * One row per drifted field. Resolved rows stay as history; the partial unique index keeps at most one open drift
 * per (resource, field), which is what lets two sweeps run at once without doubling the inbox.
 */
export const cloudDrift = pgTable(
  "cloud_drift",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => cloudResources.id),
    field: text("field").notNull(),
    // SQL NULL when the value is missing on that side (a field the spec names but the resource does not have).
    expected: jsonb("expected"),
    actual: jsonb("actual"),
    /** The spec version the expected value came from. */
    specVersion: integer("spec_version").notNull(),
    status: text("status").$type<DriftStatus>().notNull().default("open"),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by"),
    /** The latest revert_drift request asked for this drift: it closes `reverted` once a sync sees DO match the spec. */
    revertRequestId: uuid("revert_request_id").references(() => provisioningRequests.id),
  },
  (t) => [
    uniqueIndex("cloud_drift_one_open_per_field").on(t.resourceId, t.field).where(sql`status = 'open'`),
    // The inbox (open, newest first) and the history tab (resolved, most recently resolved first).
    index("cloud_drift_status_detected_idx").on(t.status, t.detectedAt),
    index("cloud_drift_resolved_idx").on(t.resolvedAt).where(sql`status <> 'open'`),
    index("cloud_drift_resource_detected_idx").on(t.resourceId, t.detectedAt),
    check("cloud_drift_status", sql`${t.status} in ('open', 'accepted', 'reverted', 'stale')`),
    check("cloud_drift_resolved", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

export type CloudDrift = typeof cloudDrift.$inferSelect;
