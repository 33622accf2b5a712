import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The outbox: one row per notification event, written in the same transaction as the change that causes it, so an
 * event exists exactly when its change committed. The id is the event's stable id (the `webhook-id` of every
 * delivery of it). `type` and `data` are checked against the event catalogue (lib/notifications/event-catalog.ts)
 * before they are written.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** When the change happened: the payload's `timestamp`. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the drain gave every subscribed endpoint a delivery of it; null until then. */
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_outbox_undispatched_idx").on(t.createdAt, t.id).where(sql`dispatched_at is null`),
    index("notification_outbox_occurred_idx").on(t.occurredAt, t.id),
    check("notification_outbox_data_object", sql`jsonb_typeof(${t.data}) = 'object'`),
  ],
);

export type NotificationOutboxRow = typeof notificationOutbox.$inferSelect;

/** The channels the issue names; lib/notifications/channels.ts says which are implemented. */
export const notificationChannels = ["webhook", "slack", "email"] as const;
export type NotificationChannelName = (typeof notificationChannels)[number];
export const endpointStatuses = ["enabled", "disabled"] as const;
export type EndpointStatus = (typeof endpointStatuses)[number];

/**
 * Where notifications go: one row per subscriber of a channel (a webhook URL today). A webhook's signing secrets are
 * stored encrypted (lib/notifications/secret-box.ts): they must be recoverable to sign, and are never shown again
 * after creation. After a rotation the previous secret keeps signing too until `previous_secret_expires_at`.
 */
export const notificationEndpoints = pgTable(
  "notification_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").$type<NotificationChannelName>().notNull(),
    url: text("url").notNull(),
    /** Event types it subscribes to. */
    events: text("events").array().notNull(),
    secretCiphertext: text("secret_ciphertext"),
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    status: text("status").$type<EndpointStatus>().notNull().default("enabled"),
    /** Since when every attempt has failed (null after any success): sustained failure disables the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** The notice shown when it was disabled: why, and since when it had been failing. */
    disabledReason: text("disabled_reason"),
    /**
     * An email endpoint (an admin's address, `mailto:`) that gets one daily digest instead of a mail per event: the
     * drain never queues deliveries to it, the send-notification-digest job mails what happened since
     * `digest_sent_through`.
     */
    digest: boolean("digest").notNull().default(false),
    digestSentThrough: timestamp("digest_sent_through", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notification_endpoints_created_idx").on(t.createdAt, t.id),
    check("notification_endpoints_channel", sql`${t.channel} in ('webhook', 'slack', 'email')`),
    check("notification_endpoints_status", sql`${t.status} in ('enabled', 'disabled')`),
    check("notification_endpoints_disabled", sql`(${t.status} = 'disabled') = (${t.disabledAt} is not null)`),
  ],
);

export type NotificationEndpoint = typeof notificationEndpoints.$inferSelect;

export const deliveryStatuses = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * One event to one endpoint: at most one per pair, so a drain that runs twice cannot send an event twice.
 * `attempts` counts the attempts since it was last queued (the retry schedule's position); a resend queues it again.
 * `locked_until` is the lease of the drain sending it: a drain that died mid-send lets it go when the lease ends.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => notificationOutbox.id),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => notificationEndpoints.id, { onDelete: "cascade" }),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_event_endpoint").on(t.eventId, t.endpointId),
    index("notification_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("notification_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
    check("notification_deliveries_status", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
    check("notification_deliveries_due", sql`(${t.status} = 'pending') = (${t.nextAttemptAt} is not null)`),
  ],
);

export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;

/** The delivery log: one row per attempt, with what the receiver answered (the excerpt is capped, never a secret). */
export const notificationDeliveryAttempts = pgTable(
  "notification_delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    outcome: text("outcome").$type<"succeeded" | "failed">().notNull(),
    /** The receiver's HTTP status; null when no response came (refused, timed out, blocked address). */
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
  },
  (t) => [
    index("notification_delivery_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt),
    check("notification_delivery_attempts_outcome", sql`${t.outcome} in ('succeeded', 'failed')`),
  ],
);

export type NotificationDeliveryAttempt = typeof notificationDeliveryAttempts.$inferSelect;
