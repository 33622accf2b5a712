import "server-only";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { NotificationChannelName } from "@/db/schema";
import { type AttemptOutcome, type ChannelEndpoint, channels, type OutboxEvent, type SendContext } from "./channels";
import type { EventType } from "./event-catalog";
import { nextAttemptAt } from "./retry-schedule";

/** How long a drain owns the deliveries it claimed: far longer than a batch takes (attempts time out after 10 s). */
export const leaseSeconds = 300;

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  lease: Date;
  channel: NotificationChannelName;
  endpoint: ChannelEndpoint;
  event: OutboxEvent;
}

interface ClaimRow {
  id: string;
  attempts: number;
  event_id: string;
  type: EventType;
  data: Record<string, unknown>;
  occurred_at: string | Date;
  endpoint_id: string;
  channel: NotificationChannelName;
  url: string;
  secret_ciphertext: string | null;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: string | Date | null;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints: each gets a lease (a drain that dies mid-send lets it go
 * when the lease ends, and the next drain sends it) and its attempt is counted. SKIP LOCKED: two drains never claim
 * the same delivery.
 */
export async function claimDueDeliveries(db: Db, now: Date, limit: number, onlyId?: string): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  // "Send test" and "Resend" send one delivery at once, through the same claim.
  const only = onlyId ? sql`and d.id = ${onlyId}::uuid` : sql``;
  const lease = new Date(now.getTime() + leaseSeconds * 1000);
  const result = await db.execute(sql`
    with due as (
      select d.id from notification_deliveries d
      join notification_endpoints e on e.id = d.endpoint_id and e.status = 'enabled'
      where d.status = 'pending' and d.next_attempt_at <= ${at}::timestamptz
        and (d.locked_until is null or d.locked_until <= ${at}::timestamptz) ${only}
      order by d.next_attempt_at, d.id
      limit ${limit}
      for update of d skip locked
    ), claimed as (
      update notification_deliveries d set locked_until = ${lease.toISOString()}::timestamptz, attempts = d.attempts + 1
      from due where d.id = due.id
      returning d.id, d.attempts, d.event_id, d.endpoint_id
    )
    select c.id, c.attempts, c.event_id, o.type, o.data, o.occurred_at, c.endpoint_id, e.channel, e.url, e.secret_ciphertext,
      e.previous_secret_ciphertext, e.previous_secret_expires_at
    from claimed c
    join notification_outbox o on o.id = c.event_id
    join notification_endpoints e on e.id = c.endpoint_id`);
  return rowsOf<ClaimRow>(result).map((r) => ({
    id: r.id,
    attempts: r.attempts,
    lease,
    channel: r.channel,
    endpoint: {
      id: r.endpoint_id,
      url: r.url,
      secretCiphertext: r.secret_ciphertext,
      previousSecretCiphertext: r.previous_secret_ciphertext,
      previousSecretExpiresAt: r.previous_secret_expires_at ? new Date(r.previous_secret_expires_at) : null,
    },
    event: { id: r.event_id, type: r.type, data: r.data, occurredAt: new Date(r.occurred_at) },
  }));
}

export interface AttemptRecord {
  delivery: ClaimedDelivery;
  attemptedAt: Date;
  outcome: AttemptOutcome;
}

/** Sends claimed deliveries, `concurrency` at a time, each through its endpoint's channel. */
export async function sendClaimed(claimed: readonly ClaimedDelivery[], ctx: Omit<SendContext, "now">, now: () => Date, concurrency: number): Promise<AttemptRecord[]> {
  const records: AttemptRecord[] = [];
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      const attemptedAt = now();
      const channel = channels[delivery.channel];
      const outcome: AttemptOutcome = channel
        ? await channel.send(delivery.endpoint, delivery.event, { ...ctx, now: attemptedAt })
        : { isSuccess: false, statusCode: null, latencyMs: 0, responseExcerpt: null, error: `the ${delivery.channel} channel is not available` };
      records.push({ delivery, attemptedAt, outcome });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  return records;
}

export interface RecordSummary {
  succeeded: number;
  failed: number;
  /** Deliveries that failed their last attempt. */
  gaveUp: number;
  /** Endpoints their record disabled. */
  disabled: { id: string; reason: string }[];
}

/**
 * Records a batch of attempts in one transaction: the log rows, each delivery's next state (succeeded, due again on
 * the retry schedule, or failed for good) and each endpoint's failing streak. A delivery whose lease another drain has
 * taken over since (this one outlived it) keeps that drain's state; its attempt is still logged.
 */
export async function recordAttempts(db: Db, records: readonly AttemptRecord[], disableAfterSeconds: number): Promise<RecordSummary> {
  const summary: RecordSummary = { succeeded: 0, failed: 0, gaveUp: 0, disabled: [] };
  if (!records.length) return summary;
  const rows = records.map(({ delivery, attemptedAt, outcome }) => {
    const retryAt = outcome.isSuccess ? null : nextAttemptAt(delivery.attempts, attemptedAt);
    const status = outcome.isSuccess ? "succeeded" : retryAt ? "pending" : "failed";
    if (outcome.isSuccess) summary.succeeded++;
    else summary.failed++;
    if (status === "failed") summary.gaveUp++;
    return {
      delivery_id: delivery.id,
      endpoint_id: delivery.endpoint.id,
      lease: delivery.lease.toISOString(),
      attempted_at: attemptedAt.toISOString(),
      outcome: outcome.isSuccess ? "succeeded" : "failed",
      status,
      next_attempt_at: retryAt?.toISOString() ?? null,
      status_code: outcome.statusCode,
      latency_ms: outcome.latencyMs,
      response_excerpt: outcome.responseExcerpt,
      error: outcome.error?.slice(0, 2000) ?? null,
    };
  });
  const streaks = endpointStreaks(rows);
  const gaveUpEndpoints = [...new Set(rows.filter((r) => r.status === "failed").map((r) => r.endpoint_id))];
  const latest = new Date(Math.max(...records.map((r) => r.attemptedAt.getTime())));
  const json = JSON.stringify(rows);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into notification_delivery_attempts (delivery_id, attempted_at, outcome, status_code, latency_ms, response_excerpt, error)
      select x.delivery_id, x.attempted_at, x.outcome, x.status_code, x.latency_ms, x.response_excerpt, x.error
      from jsonb_to_recordset(${json}::jsonb) as x(delivery_id uuid, attempted_at timestamptz, outcome text, status_code integer,
        latency_ms integer, response_excerpt text, error text)`);
    await tx.execute(sql`
      update notification_deliveries d
      set status = x.status, next_attempt_at = x.next_attempt_at, locked_until = null, last_attempt_at = x.attempted_at
      from jsonb_to_recordset(${json}::jsonb) as x(delivery_id uuid, lease timestamptz, status text, next_attempt_at timestamptz, attempted_at timestamptz)
      where d.id = x.delivery_id and d.locked_until = x.lease`);
    await tx.execute(sql`
      update notification_endpoints e
      set failing_since = case
        when x.last_success_at is not null then x.first_failure_after_success
        else coalesce(e.failing_since, x.first_failure_after_success)
      end
      from jsonb_to_recordset(${JSON.stringify(streaks)}::jsonb) as x(endpoint_id uuid, last_success_at timestamptz,
        first_failure_after_success timestamptz)
      where e.id = x.endpoint_id`);
    if (gaveUpEndpoints.length) summary.disabled = await disableFailingEndpoints(tx, gaveUpEndpoints, latest, disableAfterSeconds);
  });
  return summary;
}

/** Per endpoint: its latest success in the batch, and its first failure after that (or after nothing). */
function endpointStreaks(rows: readonly { endpoint_id: string; attempted_at: string; outcome: string }[]) {
  const byEndpoint = new Map<string, { endpoint_id: string; last_success_at: string | null; first_failure_after_success: string | null }>();
  for (const r of [...rows].sort((a, b) => (a.attempted_at < b.attempted_at ? -1 : a.attempted_at > b.attempted_at ? 1 : 0))) {
    const s = byEndpoint.get(r.endpoint_id) ?? { endpoint_id: r.endpoint_id, last_success_at: null, first_failure_after_success: null };
    if (r.outcome === "succeeded") {
      s.last_success_at = r.attempted_at;
      s.first_failure_after_success = null;
    } else s.first_failure_after_success ??= r.attempted_at;
    byEndpoint.set(r.endpoint_id, s);
  }
  return [...byEndpoint.values()];
}

/**
 * Sustained failure: an endpoint whose delivery just gave up, and whose every attempt has failed for at least
 * `disableAfterSeconds`, is disabled with a notice saying why and since when. Its pending deliveries wait: they
 * resume when it is enabled again.
 */
async function disableFailingEndpoints(tx: DbOrTx, endpointIds: string[], now: Date, disableAfterSeconds: number) {
  const at = now.toISOString();
  const result = await tx.execute(sql`
    update notification_endpoints
    set status = 'disabled', disabled_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
      disabled_reason = 'Disabled automatically: every delivery attempt has failed since '
        || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        || ' and a delivery used up its retries. Enable it again once the receiver answers 2xx.'
    where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(endpointIds)}::jsonb))
      and status = 'enabled' and failing_since is not null
      and failing_since <= ${at}::timestamptz - make_interval(secs => ${disableAfterSeconds}::double precision)
    returning id, disabled_reason`);
  return rowsOf<{ id: string; disabled_reason: string }>(result).map((r) => ({ id: r.id, reason: r.disabled_reason }));
}
