import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type NotificationEndpoint, notificationEndpoints } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { ApiError } from "@/lib/http/errors";
import type { CreatedEndpoint, CreateEndpointBody, EndpointItem, ListEndpointsQuery, RotatedSecret } from "./schemas";
import { sealSecret } from "./secret-box";
import type { NotificationSettings } from "./settings";
import { generateWebhookSecret } from "./sign-webhook";
import { checkWebhookUrl, type Lookup, WebhookUrlError } from "./ssrf-guard";

/** How long the previous secret keeps signing after a rotation: receivers have a day to switch. */
export const rotationOverlapSeconds = 24 * 3600;

export function toEndpointItem(row: NotificationEndpoint): EndpointItem {
  return {
    id: row.id,
    url: row.url,
    events: row.events as EndpointItem["events"],
    status: row.status,
    failing_since: row.failingSince?.toISOString() ?? null,
    disabled_at: row.disabledAt?.toISOString() ?? null,
    disabled_reason: row.disabledReason,
    previous_secret_expires_at: row.previousSecretExpiresAt?.toISOString() ?? null,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
  };
}

/**
 * Registers a webhook endpoint. The URL is refused (400) when it is not https or points at a private, loopback or
 * link-local address (unless WEBHOOK_ALLOW_PRIVATE). The secret is generated here, stored sealed, and returned only
 * in this answer.
 */
export async function createWebhookEndpoint(
  db: DbOrTx,
  body: CreateEndpointBody,
  opts: NotificationSettings & { actor: string; lookup?: Lookup },
): Promise<CreatedEndpoint> {
  const url = await checkedUrl(body.url, opts);
  const secret = generateWebhookSecret();
  const [row] = await db
    .insert(notificationEndpoints)
    .values({ channel: "webhook", url, events: body.events, secretCiphertext: sealSecret(opts.secretKey(), secret), createdBy: opts.actor })
    .returning();
  return { ...toEndpointItem(row!), secret };
}

export async function checkedUrl(raw: string, opts: { allowPrivate: boolean; lookup?: Lookup }): Promise<string> {
  try {
    return (await checkWebhookUrl(raw, opts)).toString();
  } catch (err) {
    if (err instanceof WebhookUrlError) throw new ApiError("invalid_request", err.message, [{ path: "url", code: "custom", message: err.message }]);
    throw err;
  }
}

/** Webhook endpoints, newest first, without their secrets. */
export async function listWebhookEndpoints(db: DbOrTx, query: ListEndpointsQuery): Promise<{ data: EndpointItem[]; next_cursor: string | null }> {
  const where = [eq(notificationEndpoints.channel, "webhook")];
  const createdMs = sql`date_trunc('milliseconds', ${notificationEndpoints.createdAt})`;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, "created_at:desc", { value: "timestamp", id: "uuid" });
    const at = sql`${c.value}::timestamptz`;
    where.push(or(lt(createdMs, at), and(eq(createdMs, at), lt(notificationEndpoints.id, c.id)))!);
  }
  const rows = await db
    .select()
    .from(notificationEndpoints)
    .where(and(...where))
    .orderBy(desc(createdMs), desc(notificationEndpoints.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toEndpointItem),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ sort: "created_at:desc", value: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function getWebhookEndpointOrThrow(db: DbOrTx, id: string): Promise<NotificationEndpoint> {
  const [row] = await db
    .select()
    .from(notificationEndpoints)
    .where(and(eq(notificationEndpoints.id, id), eq(notificationEndpoints.channel, "webhook")));
  if (!row) throw new ApiError("not_found", `No webhook endpoint ${id}`);
  return row;
}

/** Deletes an endpoint with its deliveries and their log; its events stay in the outbox. */
export async function deleteWebhookEndpoint(db: DbOrTx, id: string): Promise<{ id: string; deleted: true }> {
  const deleted = await db
    .delete(notificationEndpoints)
    .where(and(eq(notificationEndpoints.id, id), eq(notificationEndpoints.channel, "webhook")))
    .returning({ id: notificationEndpoints.id });
  if (!deleted.length) throw new ApiError("not_found", `No webhook endpoint ${id}`);
  return { id, deleted: true };
}

/**
 * A new signing secret; the current one becomes the previous one and keeps signing beside it for the overlap, so a
 * receiver verifying with either accepts every delivery while it switches. A rotation during an overlap ends that
 * overlap's older secret.
 */
export async function rotateWebhookSecret(db: DbOrTx, id: string, opts: NotificationSettings & { now?: Date }): Promise<RotatedSecret> {
  const current = await getWebhookEndpointOrThrow(db, id);
  const secret = generateWebhookSecret();
  const expiresAt = new Date((opts.now ?? new Date()).getTime() + rotationOverlapSeconds * 1000);
  const [row] = await db
    .update(notificationEndpoints)
    .set({
      secretCiphertext: sealSecret(opts.secretKey(), secret),
      previousSecretCiphertext: current.secretCiphertext,
      previousSecretExpiresAt: expiresAt,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notificationEndpoints.id, id), eq(notificationEndpoints.secretCiphertext, current.secretCiphertext ?? "")))
    .returning({ id: notificationEndpoints.id });
  if (!row) throw new ApiError("conflict", "The endpoint's secret changed meanwhile; rotate again");
  return { id, secret, previous_secret_expires_at: expiresAt.toISOString() };
}

/** Enables an endpoint again (after an automatic disabling): its waiting deliveries are due at once. */
export async function enableWebhookEndpoint(db: DbOrTx, id: string): Promise<EndpointItem> {
  await getWebhookEndpointOrThrow(db, id);
  const [row] = await db
    .update(notificationEndpoints)
    .set({ status: "enabled", disabledAt: null, disabledReason: null, failingSince: null, updatedAt: sql`now()` })
    .where(eq(notificationEndpoints.id, id))
    .returning();
  return toEndpointItem(row!);
}
