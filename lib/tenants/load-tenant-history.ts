import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { SubscriptionStatus } from "@/db/schema/billing";
import { dayNumber } from "@/lib/billing/month";
import { versionSpans } from "@/lib/billing/subscription-spans";

export interface TenantSubscriptionItem {
  id: string;
  status: SubscriptionStatus;
  planCode: string;
  planName: string;
  /** The version in force now (or, for one that ended, at its end); a recorded migration may name a later one. */
  version: number;
  versionId: string;
  /** The version a migration has scheduled it to move to, when that is not the one in force yet. */
  scheduledVersion: number | null;
  startedAt: string;
  endedAt: string | null;
}

export type TenantHistoryEvent =
  | { type: "subscribed"; at: string; subscriptionId: string; planCode: string; version: number; status: SubscriptionStatus }
  | { type: "migrated"; at: string; subscriptionId: string; planCode: string; fromVersion: number; toVersion: number; by: string | null }
  | { type: "status_changed"; at: string; subscriptionId: string; planCode: string; status: SubscriptionStatus }
  | { type: "ended"; at: string; subscriptionId: string; planCode: string };

type SubRow = { id: string; status: SubscriptionStatus; started_at: string | Date; ended_at: string | Date | null; plan_version_id: string; plan_code: string; plan_name: string };
type MoveRow = { subscription_id: string; from_version_id: string; to_version_id: string; effective_at: string | Date; migrated_by: string | null };
type StatusRow = { subscription_id: string; status: SubscriptionStatus; effective_at: string | Date };

const iso = (d: string | Date) => new Date(d).toISOString();

/**
 * The tenant's subscriptions (newest first) with the version each is on, which one is in force now, and its history:
 * when each started, every migration between versions (and who made it), every reported status change, each end.
 */
export async function loadTenantHistory(
  db: DbOrTx,
  tenantId: string,
  now: Date,
): Promise<{ subscriptions: TenantSubscriptionItem[]; current: TenantSubscriptionItem | null; history: TenantHistoryEvent[] }> {
  const [subResult, moveResult, statusResult, versionResult] = await Promise.all([
    db.execute(sql`
      select s.id, s.status, s.started_at, s.ended_at, s.plan_version_id, p.code as plan_code, p.name as plan_name
      from subscriptions s join plan_versions v on v.id = s.plan_version_id join plans p on p.id = v.plan_id
      where s.tenant_id = ${tenantId} order by s.started_at desc, s.id`),
    db.execute(sql`
      select m.subscription_id, m.from_version_id, m.to_version_id, m.effective_at, m.migrated_by
      from subscription_migrations m join subscriptions s on s.id = m.subscription_id
      where s.tenant_id = ${tenantId} order by m.effective_at, m.id`),
    db.execute(sql`
      select c.subscription_id, c.status, c.effective_at
      from subscription_status_changes c join subscriptions s on s.id = c.subscription_id
      where s.tenant_id = ${tenantId} order by c.effective_at, c.id`),
    db.execute(sql`
      select v.id, v.version from plan_versions v
      where v.plan_id in (select v2.plan_id from subscriptions s join plan_versions v2 on v2.id = s.plan_version_id where s.tenant_id = ${tenantId})`),
  ]);
  const subs = rowsOf<SubRow>(subResult);
  const moves = rowsOf<MoveRow>(moveResult);
  const changes = rowsOf<StatusRow>(statusResult);
  const versionNo = new Map(rowsOf<{ id: string; version: number }>(versionResult).map((v) => [v.id, Number(v.version)]));

  const today = dayNumber(now);
  const subscriptions = subs.map((s): TenantSubscriptionItem => {
    const own = moves.filter((m) => m.subscription_id === s.id);
    const spans = versionSpans({
      id: s.id,
      tenantId,
      status: s.status,
      startedAt: new Date(s.started_at),
      endedAt: s.ended_at ? new Date(s.ended_at) : null,
      versionId: s.plan_version_id,
      migrations: own.map((m) => ({ fromVersionId: m.from_version_id, toVersionId: m.to_version_id, effectiveAt: new Date(m.effective_at) })),
      addons: [],
    });
    // In force today; before it starts, its first version; after it ended, its last.
    const inForce = spans.find((x) => x.span.from <= today && today < x.span.to) ?? (spans[0] && today < spans[0].span.from ? spans[0] : spans.at(-1));
    const versionId = inForce?.versionId ?? s.plan_version_id;
    return {
      id: s.id,
      status: s.status,
      planCode: s.plan_code,
      planName: s.plan_name,
      version: versionNo.get(versionId) ?? 0,
      versionId,
      scheduledVersion: versionId === s.plan_version_id ? null : (versionNo.get(s.plan_version_id) ?? null),
      startedAt: iso(s.started_at),
      endedAt: s.ended_at ? iso(s.ended_at) : null,
    };
  });
  const nowMs = now.getTime();
  const current =
    subscriptions.find((s) => Date.parse(s.startedAt) <= nowMs && (s.endedAt === null || Date.parse(s.endedAt) > nowMs)) ?? null;

  const planOf = new Map(subs.map((s) => [s.id, s.plan_code]));
  const history: TenantHistoryEvent[] = [];
  for (const s of subs) {
    const first = moves.find((m) => m.subscription_id === s.id);
    const startStatus = changes.find((c) => c.subscription_id === s.id)?.status ?? s.status;
    history.push({ type: "subscribed", at: iso(s.started_at), subscriptionId: s.id, planCode: s.plan_code, version: versionNo.get(first?.from_version_id ?? s.plan_version_id) ?? 0, status: startStatus });
    if (s.ended_at) history.push({ type: "ended", at: iso(s.ended_at), subscriptionId: s.id, planCode: s.plan_code });
  }
  for (const m of moves) {
    history.push({
      type: "migrated",
      at: iso(m.effective_at),
      subscriptionId: m.subscription_id,
      planCode: planOf.get(m.subscription_id) ?? "",
      fromVersion: versionNo.get(m.from_version_id) ?? 0,
      toVersion: versionNo.get(m.to_version_id) ?? 0,
      by: m.migrated_by,
    });
  }
  // The first recorded status is the one it started with, already said by "subscribed".
  const seen = new Set<string>();
  for (const c of changes) {
    if (!seen.has(c.subscription_id)) {
      seen.add(c.subscription_id);
      continue;
    }
    history.push({ type: "status_changed", at: iso(c.effective_at), subscriptionId: c.subscription_id, planCode: planOf.get(c.subscription_id) ?? "", status: c.status });
  }
  history.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { subscriptions, current, history };
}
