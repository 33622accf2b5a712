import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ResourceEventType, ResourceKind, SyncRunStatus } from "./resource-constants";

export * from "./resource-constants";

export const cloudResources = pgTable(
  "cloud_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ResourceKind>().notNull(),
    providerId: text("provider_id").notNull(),
    name: text("name").notNull(),
    region: text("region"),
    sizeSlug: text("size_slug"),
    status: text("status"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    monthlyPriceCents: bigint("monthly_price_cents", { mode: "number" }),
    providerCreatedAt: timestamp("provider_created_at", { withTimezone: true }),
    attrs: jsonb("attrs").$type<Record<string, unknown>>().notNull().default({}),
    /** Hash of everything the sync writes (columns + attrs), so an unchanged resource is recognised without reading it. */
    contentHash: text("content_hash"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cloud_resources_kind_provider_id_key").on(t.kind, t.providerId),
    // Keyset pagination over the default sort (name, id), optionally narrowed by kind.
    index("cloud_resources_name_id_idx").on(t.name, t.id),
    index("cloud_resources_kind_name_id_idx").on(t.kind, t.name, t.id),
    index("cloud_resources_lower_name_idx").on(sql`lower(${t.name})`),
    index("cloud_resources_tags_idx").using("gin", t.tags),
  ],
);

export type CloudResource = typeof cloudResources.$inferSelect;
export type NewCloudResource = typeof cloudResources.$inferInsert;

/** Append-only: rows are inserted, never updated or deleted. */
export const cloudResourceEvents = pgTable(
  "cloud_resource_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => cloudResources.id),
    type: text("type").$type<ResourceEventType>().notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cloud_resource_events_resource_at_idx").on(t.resourceId, t.at)],
);

export type CloudResourceEvent = typeof cloudResourceEvents.$inferSelect;

export interface SyncKindResult {
  status: "succeeded" | "failed";
  seen: number;
  created: number;
  updated: number;
  deleted: number;
  restored: number;
  requests: number;
  error?: string;
}

/** One row per inventory sync run; `kind_results` holds each kind's own outcome and counts. */
export const cloudSyncRuns = pgTable(
  "cloud_sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobRunId: uuid("job_run_id"),
    kinds: text("kinds").array().notNull(),
    trigger: text("trigger").notNull(),
    status: text("status").$type<SyncRunStatus>().notNull().default("running"),
    seen: integer("seen").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    deleted: integer("deleted").notNull().default(0),
    restored: integer("restored").notNull().default(0),
    kindResults: jsonb("kind_results").$type<Partial<Record<ResourceKind, SyncKindResult>>>().notNull().default({}),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped as each kind finishes and on a timer; a stale one while `running` means the process died. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("cloud_sync_runs_started_idx").on(t.startedAt),
    index("cloud_sync_runs_running_heartbeat_idx").on(t.heartbeatAt).where(sql`${t.status} = 'running'`),
    check("cloud_sync_runs_status", sql`${t.status} in ('running', 'succeeded', 'failed', 'abandoned')`),
  ],
);

export type CloudSyncRun = typeof cloudSyncRuns.$inferSelect;
